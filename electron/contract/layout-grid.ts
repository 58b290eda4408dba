// A wall layout's shape: columns x rows (at most 8 x 8) and the tiles that cover it, each a
// rectangle of whole cells. Main checks layouts staff save against this, the settings store
// keeps them, and the renderer lays tiles out from them, so the rules live here once.

export const MAX_GRID_SIDE = 8;

export interface LayoutTile {
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}

export interface LayoutGrid {
  columns: number;
  rows: number;
  /** In reading order of their top-left cells; cameras fill them in this order. */
  tiles: LayoutTile[];
}

const isSide = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_GRID_SIDE;

/** Reading order: by row, then column, of the top-left cell. */
export function sortTiles(tiles: readonly LayoutTile[]): LayoutTile[] {
  return [...tiles].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A grid of equal 1 x 1 tiles. */
export function uniformGrid(columns: number, rows: number): LayoutGrid {
  const tiles: LayoutTile[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let col = 0; col < columns; col += 1) tiles.push({ col, row, colSpan: 1, rowSpan: 1 });
  }
  return { columns, rows, tiles };
}

/** A grid with some large tiles; every other cell becomes a 1 x 1 tile. */
export function gridWithBigTiles(
  columns: number,
  rows: number,
  big: readonly LayoutTile[],
): LayoutGrid {
  const taken = new Set<number>();
  for (const t of big) {
    for (let r = t.row; r < t.row + t.rowSpan; r += 1) {
      for (let c = t.col; c < t.col + t.colSpan; c += 1) taken.add(r * columns + c);
    }
  }
  const small = uniformGrid(columns, rows).tiles.filter((t) => !taken.has(t.row * columns + t.col));
  return { columns, rows, tiles: sortTiles([...big, ...small]) };
}

/**
 * Why a value is not a valid grid, or null when it is: sides 1–8, every tile inside the grid,
 * no two tiles overlapping and no cell left uncovered.
 */
export function gridProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'The grid must be an object.';
  const { columns, rows, tiles } = value as Record<string, unknown>;
  if (!isSide(columns) || !isSide(rows)) {
    return `Columns and rows must be whole numbers from 1 to ${MAX_GRID_SIDE}.`;
  }
  if (!Array.isArray(tiles) || tiles.length === 0) return 'The grid needs a list of tiles.';
  const owner = new Array<number>(columns * rows).fill(-1);
  for (const [index, tile] of tiles.entries()) {
    const { col, row, colSpan, rowSpan } = (tile ?? {}) as Record<string, unknown>;
    const whole = [col, row, colSpan, rowSpan].every((n) => Number.isInteger(n));
    if (!whole) return `Tile ${index + 1} needs whole-number col, row, colSpan and rowSpan.`;
    const [c, r, w, h] = [col, row, colSpan, rowSpan] as number[] as [
      number,
      number,
      number,
      number,
    ];
    if (c < 0 || r < 0 || w < 1 || h < 1 || c + w > columns || r + h > rows) {
      return `Tile ${index + 1} reaches outside the ${columns}x${rows} grid.`;
    }
    for (let y = r; y < r + h; y += 1) {
      for (let x = c; x < c + w; x += 1) {
        if (owner[y * columns + x] !== -1) return `Tile ${index + 1} overlaps another tile.`;
        owner[y * columns + x] = index;
      }
    }
  }
  const hole = owner.indexOf(-1);
  if (hole !== -1) {
    return `The cell at column ${(hole % columns) + 1}, row ${Math.floor(hole / columns) + 1} is not covered.`;
  }
  return null;
}

/** A checked copy of a grid with its tiles in reading order, or null when it is not valid. */
export function normaliseGrid(value: unknown): LayoutGrid | null {
  if (gridProblem(value) !== null) return null;
  const grid = value as LayoutGrid;
  return {
    columns: grid.columns,
    rows: grid.rows,
    tiles: sortTiles(
      grid.tiles.map(({ col, row, colSpan, rowSpan }) => ({ col, row, colSpan, rowSpan })),
    ),
  };
}
