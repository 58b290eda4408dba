import { describe, expect, it } from 'vitest';
import { gridProblem, normaliseGrid, uniformGrid } from '../../../electron/contract/layout-grid';
import { autoLayout } from '../../../electron/settings/settings-book';
import {
  LAYOUT_TEMPLATE_IDS,
  LAYOUT_TEMPLATES,
  isLayoutTemplateId,
  templateGrid,
  templateForPreset,
} from '../../../electron/contract/layout-presets';

const TILE_COUNTS: Record<string, number> = {
  '1': 1,
  '2x2': 4,
  '3x3': 9,
  '4x4': 16,
  '5x4': 20,
  '5x5': 25,
  '1+5': 6,
  '1+7': 8,
  '1+12': 13,
  '2+8': 10,
};

describe('layout templates', () => {
  it('are all valid grids with the advertised number of tiles', () => {
    expect(LAYOUT_TEMPLATE_IDS).toEqual(Object.keys(TILE_COUNTS));
    for (const id of LAYOUT_TEMPLATE_IDS) {
      expect(gridProblem(LAYOUT_TEMPLATES[id]), id).toBeNull();
      expect(LAYOUT_TEMPLATES[id].tiles, id).toHaveLength(TILE_COUNTS[id]!);
    }
  });

  it('put the large tiles first, top-left', () => {
    expect(LAYOUT_TEMPLATES['1+5'].tiles[0]).toEqual({ col: 0, row: 0, colSpan: 2, rowSpan: 2 });
    expect(LAYOUT_TEMPLATES['1+7'].tiles[0]).toEqual({ col: 0, row: 0, colSpan: 3, rowSpan: 3 });
    expect(LAYOUT_TEMPLATES['1+12'].tiles[0]).toEqual({ col: 0, row: 0, colSpan: 2, rowSpan: 2 });
    expect(LAYOUT_TEMPLATES['2+8'].tiles.slice(0, 2)).toEqual([
      { col: 0, row: 0, colSpan: 2, rowSpan: 2 },
      { col: 2, row: 0, colSpan: 2, rowSpan: 2 },
    ]);
  });

  it('are copied, own keys only, and the old presets map onto them', () => {
    const copy = templateGrid('2x2');
    copy.tiles[0]!.colSpan = 2;
    expect(LAYOUT_TEMPLATES['2x2'].tiles[0]!.colSpan).toBe(1);
    expect(isLayoutTemplateId('toString')).toBe(false);
    expect(isLayoutTemplateId('1+5')).toBe(true);
    expect(templateForPreset('1x1')).toBe('1');
    expect(templateForPreset('5x4')).toBe('5x4');
    expect(templateForPreset('5x5')).toBe('5x5');
  });
});

describe('gridProblem', () => {
  it('refuses overlaps, holes, tiles outside and sides over 8', () => {
    const grid = uniformGrid(2, 2);
    expect(gridProblem(grid)).toBeNull();
    expect(gridProblem({ ...grid, tiles: grid.tiles.slice(1) })).toMatch(/not covered/);
    expect(
      gridProblem({ ...grid, tiles: [...grid.tiles, { col: 0, row: 0, colSpan: 1, rowSpan: 1 }] }),
    ).toMatch(/overlaps/);
    expect(
      gridProblem({ columns: 1, rows: 1, tiles: [{ col: 0, row: 0, colSpan: 2, rowSpan: 1 }] }),
    ).toMatch(/outside/);
    expect(gridProblem(uniformGrid(9, 1))).toMatch(/1 to 8/);
    expect(gridProblem({ columns: 1, rows: 1, tiles: [{ col: 0.5 }] })).toMatch(/whole/);
    expect(gridProblem(null)).not.toBeNull();
  });

  it('normalises tiles into reading order and drops extra fields', () => {
    const grid = normaliseGrid({
      columns: 2,
      rows: 1,
      tiles: [
        { col: 1, row: 0, colSpan: 1, rowSpan: 1, extra: true },
        { col: 0, row: 0, colSpan: 1, rowSpan: 1 },
      ],
    });
    expect(grid?.tiles).toEqual([
      { col: 0, row: 0, colSpan: 1, rowSpan: 1 },
      { col: 1, row: 0, colSpan: 1, rowSpan: 1 },
    ]);
  });
});

describe('autoLayout (a configuration without a layout)', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `cam-${i + 1}`);

  it('takes the smallest preset that shows every camera, up to 25 on one 5x5 screen', () => {
    expect(autoLayout(ids(4))).toEqual({ preset: '2x2', cameraIds: ids(4) });
    expect(autoLayout(ids(18)).preset).toBe('5x4');
    expect(autoLayout(ids(21))).toEqual({ preset: '5x5', cameraIds: ids(21) });
  });

  it('shows the first 25 when there are more', () => {
    const layout = autoLayout(ids(30));
    expect(layout.preset).toBe('5x5');
    expect(layout.cameraIds).toEqual(ids(25));
  });
});
