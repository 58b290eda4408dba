// The editor's picture of the grid: drag across tiles to select a rectangle (grown so no tile
// is cut), click a tile to choose it, drop a camera on a tile, or drag a tile's name chip onto
// another tile to swap the two.
import { useState } from 'react';
import type { LayoutGrid, WallSnapshot } from '../contract';
import { closeSelection, rectBetween, type CellRect } from '../layout/grid-edit';
import { tileLabel } from '../status/tile-label';
import { CAMERA_DRAG_TYPE } from './camera-list';

const TILE_DRAG_TYPE = 'application/x-wall-tile';

export interface EditorGridProps {
  grid: LayoutGrid;
  cells: (string | null)[];
  snapshot: WallSnapshot;
  selection: CellRect | null;
  onSelect(selection: CellRect): void;
  onDropCamera(tile: number, cameraId: string): void;
  onSwap(a: number, b: number): void;
}

const inside = (t: CellRect, s: CellRect | null) =>
  s !== null &&
  t.col >= s.col &&
  t.row >= s.row &&
  t.col + t.colSpan <= s.col + s.colSpan &&
  t.row + t.rowSpan <= s.row + s.rowSpan;

export function EditorGrid(props: EditorGridProps) {
  const { grid, cells, snapshot, selection } = props;
  const [anchor, setAnchor] = useState<CellRect | null>(null);
  const select = (a: CellRect, b: CellRect) => {
    const from = rectBetween(a, b);
    const to = rectBetween(
      { col: a.col + a.colSpan - 1, row: a.row + a.rowSpan - 1 },
      { col: b.col + b.colSpan - 1, row: b.row + b.rowSpan - 1 },
    );
    const col = Math.min(from.col, to.col);
    const row = Math.min(from.row, to.row);
    const right = Math.max(from.col + from.colSpan, to.col + to.colSpan);
    const bottom = Math.max(from.row + from.rowSpan, to.row + to.rowSpan);
    props.onSelect(closeSelection(grid, { col, row, colSpan: right - col, rowSpan: bottom - row }));
  };
  return (
    <div
      className="editor-grid"
      data-testid="editor-grid"
      style={{
        gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
      }}
      onMouseUp={() => setAnchor(null)}
      onMouseLeave={() => setAnchor(null)}
    >
      {grid.tiles.map((tile, index) => {
        const cameraId = cells[index] ?? null;
        const label = tileLabel(snapshot, cameraId);
        return (
          <div
            key={`${tile.col}:${tile.row}`}
            className={`editor-tile${inside(tile, selection) ? ' is-selected' : ''}`}
            data-testid="editor-tile"
            data-tile={index}
            data-camera-id={cameraId ?? ''}
            data-span={`${tile.colSpan}x${tile.rowSpan}`}
            style={{
              gridColumn: `${tile.col + 1} / span ${tile.colSpan}`,
              gridRow: `${tile.row + 1} / span ${tile.rowSpan}`,
            }}
            onMouseDown={(e) => {
              if ((e.target as HTMLElement).closest('[draggable="true"]')) return;
              setAnchor(tile);
              select(tile, tile);
            }}
            onMouseEnter={() => anchor && select(anchor, tile)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const camera = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
              const from = e.dataTransfer.getData(TILE_DRAG_TYPE);
              if (camera) props.onDropCamera(index, camera);
              else if (from !== '') props.onSwap(Number(from), index);
            }}
          >
            {label !== null && (
              <span
                className="editor-tile__chip"
                draggable
                data-testid="editor-chip"
                onDragStart={(e) => e.dataTransfer.setData(TILE_DRAG_TYPE, String(index))}
              >
                {label}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
