// The layout editor's grid operations, pure so the "never overlap, never a hole" promise is
// unit-tested: every operation returns a grid that covers every cell exactly once.
import {
  MAX_GRID_SIDE,
  sortTiles,
  uniformGrid,
  type LayoutGrid,
  type LayoutTile,
} from '../contract';

export interface CellRect {
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}

const intersects = (a: CellRect, b: CellRect): boolean =>
  a.col < b.col + b.colSpan &&
  b.col < a.col + a.colSpan &&
  a.row < b.row + b.rowSpan &&
  b.row < a.row + a.rowSpan;

/** The rectangle spanning two cells, as a selection dragged from one to the other. */
export function rectBetween(a: { col: number; row: number }, b: { col: number; row: number }) {
  const col = Math.min(a.col, b.col);
  const row = Math.min(a.row, b.row);
  return {
    col,
    row,
    colSpan: Math.abs(a.col - b.col) + 1,
    rowSpan: Math.abs(a.row - b.row) + 1,
  };
}

/**
 * The selection grown until no tile sticks out of it: a rectangle cutting through a large
 * tile takes the whole tile, so merging can never leave a part of one behind.
 */
export function closeSelection(grid: LayoutGrid, rect: CellRect): CellRect {
  let box = { ...rect };
  for (;;) {
    const hit = grid.tiles.filter((t) => intersects(t, box));
    const col = Math.min(box.col, ...hit.map((t) => t.col));
    const row = Math.min(box.row, ...hit.map((t) => t.row));
    const right = Math.max(box.col + box.colSpan, ...hit.map((t) => t.col + t.colSpan));
    const bottom = Math.max(box.row + box.rowSpan, ...hit.map((t) => t.row + t.rowSpan));
    const next = { col, row, colSpan: right - col, rowSpan: bottom - row };
    if (
      next.col === box.col &&
      next.row === box.row &&
      next.colSpan === box.colSpan &&
      next.rowSpan === box.rowSpan
    ) {
      return box;
    }
    box = next;
  }
}

/** Merges every tile the (closed) selection touches into one tile. */
export function mergeTiles(grid: LayoutGrid, rect: CellRect): LayoutGrid {
  const box = closeSelection(grid, rect);
  const kept = grid.tiles.filter((t) => !intersects(t, box));
  return { ...grid, tiles: sortTiles([...kept, box]) };
}

/** Splits one tile back into 1 x 1 tiles. */
export function splitTile(grid: LayoutGrid, index: number): LayoutGrid {
  const tile = grid.tiles[index];
  if (tile === undefined) return grid;
  const pieces: LayoutTile[] = [];
  for (let row = tile.row; row < tile.row + tile.rowSpan; row += 1) {
    for (let col = tile.col; col < tile.col + tile.colSpan; col += 1) {
      pieces.push({ col, row, colSpan: 1, rowSpan: 1 });
    }
  }
  return { ...grid, tiles: sortTiles([...grid.tiles.filter((_, i) => i !== index), ...pieces]) };
}

/** A new size starts from equal cells (merges do not survive a resize). */
export function resizeGrid(columns: number, rows: number): LayoutGrid {
  const clamp = (n: number) => Math.min(MAX_GRID_SIDE, Math.max(1, Math.round(n)));
  return uniformGrid(clamp(columns), clamp(rows));
}

/**
 * The camera list after the grid changed: each camera stays with the tile that holds its old
 * tile's top-left cell; the cameras of merged-away tiles are dropped.
 */
export function carryCameras(
  before: LayoutGrid,
  cameras: readonly (string | null)[],
  after: LayoutGrid,
): (string | null)[] {
  return after.tiles.map((tile) => {
    const old = before.tiles.findIndex((t) => t.col === tile.col && t.row === tile.row);
    return old === -1 ? null : (cameras[old] ?? null);
  });
}

/** Swaps two cells' cameras (dragging one tile onto another). */
export function swapCells<T>(list: readonly T[], a: number, b: number): T[] {
  const next = [...list];
  const first = next[a] as T;
  next[a] = next[b] as T;
  next[b] = first;
  return next;
}
