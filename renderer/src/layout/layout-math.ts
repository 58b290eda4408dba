// Grid arithmetic for the wall, as plain functions over plain data so it is unit-tested under
// Node. The layouts themselves (templates, custom grids, their checks) are the contract's.
import type { LayoutGrid, LayoutTile } from '../contract';

export interface TileRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where each column (or row) line falls on a side of `length` pixels: whole pixels, the first
 * at 0 and the last at `length`, so tiles built on them cover the screen with no gap or
 * overlap whatever the window size.
 */
export function gridLines(parts: number, length: number): number[] {
  const whole = Math.max(0, Math.floor(length));
  return Array.from({ length: parts + 1 }, (_, i) => Math.round((i * whole) / parts));
}

/** Each tile's rectangle in whole pixels, in the grid's tile order. */
export function tileRects(
  grid: LayoutGrid,
  viewport: { width: number; height: number },
): TileRect[] {
  const xs = gridLines(grid.columns, viewport.width);
  const ys = gridLines(grid.rows, viewport.height);
  return grid.tiles.map((t) => {
    const x = xs[t.col] ?? 0;
    const y = ys[t.row] ?? 0;
    return {
      x,
      y,
      width: (xs[t.col + t.colSpan] ?? x) - x,
      height: (ys[t.row + t.rowSpan] ?? y) - y,
    };
  });
}

/** The smallest readable name size for a tile: 1/12 of its height, never under 18 px. */
export function minNameFontPx(tileHeightPx: number): number {
  return Math.max(18, tileHeightPx / 12);
}

/**
 * React keys for the cells: a camera keeps its key wherever it moves, so its tile (and player)
 * survives a layout or page change; a camera shown twice gets a copy number for its second cell.
 */
export function cellKeys(cameraIds: readonly (string | null)[]): { key: string; copy: number }[] {
  const seen = new Map<string, number>();
  return cameraIds.map((id, index) => {
    if (id === null) return { key: `empty:${index}`, copy: 0 };
    const copy = seen.get(id) ?? 0;
    seen.set(id, copy + 1);
    return { key: copy === 0 ? `cam:${id}` : `cam:${id}#${copy}`, copy };
  });
}

const centre = (t: LayoutTile) => ({ x: t.col + t.colSpan / 2, y: t.row + t.rowSpan / 2 });

/**
 * The tile an arrow key moves the focus to: the nearest tile whose centre lies that way
 * (tiles may span several cells, so "next index" is not enough). Stays put at an edge.
 */
export function moveFocus(index: number, key: string, grid: LayoutGrid): number {
  const from = grid.tiles[index];
  if (from === undefined) return 0;
  const a = centre(from);
  let best = index;
  let bestScore = Infinity;
  grid.tiles.forEach((tile, i) => {
    if (i === index) return;
    const b = centre(tile);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const ahead =
      key === 'ArrowLeft'
        ? -dx
        : key === 'ArrowRight'
          ? dx
          : key === 'ArrowUp'
            ? -dy
            : key === 'ArrowDown'
              ? dy
              : 0;
    if (ahead <= 0) return;
    const aside = key === 'ArrowLeft' || key === 'ArrowRight' ? Math.abs(dy) : Math.abs(dx);
    const score = ahead + aside * 2;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
