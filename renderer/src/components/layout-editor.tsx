// The staff's layout editor: a template or columns x rows up to 8 x 8, tiles merged by
// selecting a rectangle (never an overlap or a hole: grid-edit.ts), cameras put in tiles from
// a searchable list or by dragging, tiles swapped by dragging. Saved under a name.
import { useState } from 'react';
import {
  DEFAULT_LOCALE,
  LAYOUT_TEMPLATE_IDS,
  MAX_GRID_SIDE,
  isLayoutTemplateId,
  templateGrid,
  type LayoutGrid,
  type SavedLayout,
} from '../contract';
import { useWallApi } from '../api/api-context';
import { saveLayout } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import {
  carryCameras,
  mergeTiles,
  resizeGrid,
  splitTile,
  swapCells,
  type CellRect,
} from '../layout/grid-edit';
import { layoutCameraList } from '../layout/paging';
import { appStore, useApp } from '../store/app-store';
import { CameraList } from './camera-list';
import { EditorGrid } from './editor-grid';

const newId = () => `l${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const SIDES = Array.from({ length: MAX_GRID_SIDE }, (_, i) => i + 1);

export function LayoutEditor({ layoutId }: { layoutId: string | null }) {
  const api = useWallApi();
  const snapshot = useApp((s) => s.snapshot)!;
  const locale = snapshot.locale ?? DEFAULT_LOCALE;
  const original = snapshot.layouts.find((l) => l.id === layoutId) ?? null;
  const [name, setName] = useState(original?.name ?? '');
  const [template, setTemplate] = useState<SavedLayout['template']>(original?.template ?? '2x2');
  const [grid, setGrid] = useState<LayoutGrid>(original?.grid ?? templateGrid('2x2'));
  const [cameras, setCameras] = useState<(string | null)[]>(() =>
    original ? layoutCameraList(original, snapshot.cameras) : [],
  );
  const [selection, setSelection] = useState<CellRect | null>(null);
  const cells = grid.tiles.map((_, i) => cameras[i] ?? null);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);

  const reshape = (next: LayoutGrid, nextTemplate: SavedLayout['template']) => {
    const kept = carryCameras(grid, cells, next);
    setCameras([...kept, ...cameras.slice(grid.tiles.length)]);
    setGrid(next);
    setTemplate(nextTemplate);
    setSelection(null);
  };
  const selected = selection
    ? grid.tiles.filter(
        (t) =>
          t.col >= selection.col &&
          t.row >= selection.row &&
          t.col + t.colSpan <= selection.col + selection.colSpan &&
          t.row + t.rowSpan <= selection.row + selection.rowSpan,
      )
    : [];
  const single = selected.length === 1 ? grid.tiles.indexOf(selected[0]!) : -1;
  const put = (tile: number, cameraId: string | null) => {
    const next = [...cells, ...cameras.slice(grid.tiles.length)];
    next[tile] = cameraId;
    setCameras(next);
  };
  const save = () => {
    const list = [...cells, ...cameras.slice(grid.tiles.length)];
    while (list.length > 0 && list[list.length - 1] === null) list.pop();
    void saveLayout(api, appStore, {
      id: original?.id ?? newId(),
      name: name.trim() === '' ? t('layout.new') : name.trim(),
      template,
      grid,
      cameras: original?.cameras === 'all' && list.length === 0 ? 'all' : list,
    });
  };

  return (
    <div className="overlay overlay--editor" role="dialog" aria-modal="true" data-testid="editor">
      <div className="panel panel--editor">
        <h2>{t('editor.title')}</h2>
        <div className="panel__row">
          <label>
            {t('editor.name')}
            <input
              data-testid="editor-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            {t('editor.template')}
            <select
              data-testid="editor-template"
              value={template}
              onChange={(e) => {
                const id = e.target.value;
                if (isLayoutTemplateId(id)) reshape(templateGrid(id), id);
              }}
            >
              {LAYOUT_TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
              <option value="custom">…</option>
            </select>
          </label>
          {(['columns', 'rows'] as const).map((side) => (
            <label key={side}>
              {t(side === 'columns' ? 'editor.columns' : 'editor.rows')}
              <select
                data-testid={`editor-${side}`}
                value={grid[side]}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  const next =
                    side === 'columns' ? resizeGrid(n, grid.rows) : resizeGrid(grid.columns, n);
                  reshape(next, 'custom');
                }}
              >
                {SIDES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <p className="panel__hint">{t('editor.hint')}</p>
        <div className="editor-body">
          <EditorGrid
            grid={grid}
            cells={cells}
            snapshot={snapshot}
            selection={selection}
            onSelect={setSelection}
            onDropCamera={put}
            onSwap={(a, b) =>
              setCameras([...swapCells(cells, a, b), ...cameras.slice(grid.tiles.length)])
            }
          />
          <CameraList locale={locale} onPick={(id) => single >= 0 && put(single, id)} />
        </div>
        <div className="panel__buttons">
          <button
            type="button"
            data-testid="editor-merge"
            disabled={selected.length < 2}
            onClick={() => selection && reshape(mergeTiles(grid, selection), 'custom')}
          >
            {t('editor.merge')}
          </button>
          <button
            type="button"
            disabled={
              single < 0 ||
              (grid.tiles[single]?.colSpan ?? 1) * (grid.tiles[single]?.rowSpan ?? 1) < 2
            }
            onClick={() => reshape(splitTile(grid, single), 'custom')}
          >
            {t('editor.split')}
          </button>
          <button type="button" disabled={single < 0} onClick={() => put(single, null)}>
            {t('editor.clear')}
          </button>
          <button type="button" onClick={() => appStore.getState().openOverlay(null)}>
            {t('pin.cancel')}
          </button>
          <button type="button" data-testid="editor-save" onClick={save}>
            {t('editor.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
