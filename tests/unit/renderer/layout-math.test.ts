import { describe, expect, it } from 'vitest';
import { gridProblem, uniformGrid, type LayoutGrid } from '../../../electron/contract/layout-grid';
import { LAYOUT_TEMPLATE_IDS, templateGrid } from '../../../electron/contract/layout-presets';
import { mergeTiles, splitTile } from '../../../renderer/src/layout/grid-edit';
import {
  cellKeys,
  gridLines,
  minNameFontPx,
  moveFocus,
  tileRects,
} from '../../../renderer/src/layout/layout-math';

/** A small seeded generator, so a failing random grid can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random custom grid: random size, then random merges and splits as staff would make. */
function randomGrid(next: () => number): LayoutGrid {
  const pick = (n: number) => Math.floor(next() * n);
  let grid = uniformGrid(1 + pick(8), 1 + pick(8));
  for (let step = pick(8); step > 0; step -= 1) {
    const col = pick(grid.columns);
    const row = pick(grid.rows);
    const rect = {
      col,
      row,
      colSpan: 1 + pick(grid.columns - col),
      rowSpan: 1 + pick(grid.rows - row),
    };
    grid = next() < 0.8 ? mergeTiles(grid, rect) : splitTile(grid, pick(grid.tiles.length));
  }
  return grid;
}

/** Every pixel of the viewport belongs to exactly one tile rectangle, in whole pixels. */
function expectExactCover(grid: LayoutGrid, width: number, height: number): void {
  const rects = tileRects(grid, { width, height });
  const owners = new Uint8Array(width * height);
  const problems: string[] = [];
  for (const r of rects) {
    if (![r.x, r.y, r.width, r.height].every(Number.isInteger)) problems.push('not whole');
    if (r.x + r.width > width || r.y + r.height > height) problems.push('outside');
    for (let y = r.y; y < r.y + r.height; y += 1) {
      for (let x = r.x; x < r.x + r.width; x += 1) owners[y * width + x]! += 1;
    }
  }
  if (owners.some((n) => n > 1)) problems.push('a pixel covered twice');
  if (owners.includes(0)) problems.push('a pixel no tile covers');
  expect(problems, `${JSON.stringify(grid)} at ${width}x${height}`).toEqual([]);
}

describe('tileRects', () => {
  it('covers the window exactly for every template at odd sizes', () => {
    for (const id of LAYOUT_TEMPLATE_IDS) {
      for (const [w, h] of [
        [97, 61],
        [160, 90],
        [33, 17],
      ] as const) {
        expectExactCover(templateGrid(id), w, h);
      }
    }
  });

  it('gives a 1920x1080 1+5 a large tile of two thirds', () => {
    const [big] = tileRects(templateGrid('1+5'), { width: 1920, height: 1080 });
    expect(big).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('covers exactly for random custom grids, whose tiles never overlap and stay inside', () => {
    const next = random(20240611);
    for (let i = 0; i < 200; i += 1) {
      const grid = randomGrid(next);
      expect(gridProblem(grid), JSON.stringify(grid)).toBeNull();
      expectExactCover(grid, 40 + Math.floor(next() * 90), 30 + Math.floor(next() * 70));
    }
  });

  it('puts lines on whole pixels from 0 to the edge', () => {
    expect(gridLines(3, 100)).toEqual([0, 33, 67, 100]);
    expect(gridLines(1, 99.7)).toEqual([0, 99]);
  });
});

describe('moveFocus', () => {
  it('walks a uniform grid and stops at its edges', () => {
    const grid = uniformGrid(3, 3);
    expect(moveFocus(0, 'ArrowRight', grid)).toBe(1);
    expect(moveFocus(2, 'ArrowRight', grid)).toBe(2);
    expect(moveFocus(0, 'ArrowDown', grid)).toBe(3);
    expect(moveFocus(0, 'ArrowUp', grid)).toBe(0);
    expect(moveFocus(4, 'ArrowLeft', grid)).toBe(3);
  });

  it('moves out of a large tile to its neighbours', () => {
    const grid = templateGrid('1+5'); // big, right-top, right-middle, then the bottom row
    expect(moveFocus(0, 'ArrowRight', grid)).toBe(1);
    expect(moveFocus(0, 'ArrowDown', grid)).toBe(3);
    expect(moveFocus(2, 'ArrowLeft', grid)).toBe(0);
  });
});

describe('cellKeys and name size', () => {
  it('keys cameras by id, copies numbered, blanks by cell', () => {
    expect(cellKeys(['a', null, 'a', 'b'])).toEqual([
      { key: 'cam:a', copy: 0 },
      { key: 'empty:1', copy: 0 },
      { key: 'cam:a#1', copy: 1 },
      { key: 'cam:b', copy: 0 },
    ]);
  });

  it('never lets a name fall under 18 px or 1/12 of the tile', () => {
    expect(minNameFontPx(120)).toBe(18);
    expect(minNameFontPx(600)).toBe(50);
  });
});
