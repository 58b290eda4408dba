// One saved layout in the staff's list: show it on this display, edit it, rename it in place,
// or delete it after a confirmation that names it. Every action goes through the PIN.
import { useState, type FormEvent } from 'react';
import { DEFAULT_LOCALE, type SavedLayout } from '../contract';
import { useWallApi } from '../api/api-context';
import {
  chooseLayout,
  deleteLayout,
  openStaffOverlay,
  renameLayout,
} from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { layoutName } from '../layout/layout-name';
import { appStore, useApp } from '../store/app-store';

const MAX_NAME = 80;

export function LayoutRow(props: {
  layout: SavedLayout;
  index: number;
  current: boolean;
  /** The last layout cannot be deleted: a display always has something to show. */
  deletable: boolean;
}) {
  const { layout, index } = props;
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const name = layoutName(layout, locale);
  const [draft, setDraft] = useState(name);
  const t = translate.bind(null, locale);

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    await renameLayout(api, appStore, layout, draft);
    setMode('idle');
  };

  let body;
  if (mode === 'rename') {
    body = (
      <form className="layout-list__inline" onSubmit={(e) => void saveName(e)}>
        <input
          data-testid="rename-input"
          aria-label={t('layouts.rename')}
          value={draft}
          maxLength={MAX_NAME}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" data-testid="rename-save" disabled={draft.trim() === ''}>
          {t('layouts.renameSave')}
        </button>
        <button type="button" onClick={() => setMode('idle')}>
          {t('pin.cancel')}
        </button>
      </form>
    );
  } else if (mode === 'delete') {
    body = (
      <div className="layout-list__inline" role="alertdialog" data-testid="delete-confirm">
        <span className="layout-list__question">{t('layouts.deleteConfirm', { name })}</span>
        <button type="button" autoFocus onClick={() => setMode('idle')}>
          {t('layouts.keep')}
        </button>
        <button
          type="button"
          className="button--danger"
          data-testid="delete-yes"
          onClick={() => void deleteLayout(api, appStore, layout.id)}
        >
          {t('layouts.deleteYes')}
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <button
          type="button"
          className="layout-list__pick"
          data-testid={`pick-layout-${layout.id}`}
          onClick={() => void chooseLayout(api, appStore, layout.id)}
        >
          <kbd>{index < 9 ? index + 1 : ' '}</kbd> {name}
          <span className="layout-list__tiles">
            {layout.template === 'custom'
              ? t('layouts.tiles', { count: layout.grid.tiles.length })
              : layout.template}
          </span>
        </button>
        <button
          type="button"
          onClick={() => void openStaffOverlay(api, appStore, 'editor', layout.id)}
        >
          {t('layouts.edit')}
        </button>
        <button
          type="button"
          data-testid="rename-layout"
          onClick={() => {
            setDraft(name);
            setMode('rename');
          }}
        >
          {t('layouts.rename')}
        </button>
        <button
          type="button"
          data-testid="delete-layout"
          disabled={!props.deletable}
          title={props.deletable ? undefined : t('layouts.lastStays')}
          onClick={() => setMode('delete')}
        >
          {t('layouts.delete')}
        </button>
      </>
    );
  }
  return (
    <li className={props.current ? 'is-current' : ''} data-testid={`layout-row-${layout.id}`}>
      {body}
    </li>
  );
}
