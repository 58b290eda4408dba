import { describe, expect, it } from 'vitest';
import { LAYOUT_PRESET_IDS, presetCellCount } from '../../../electron/contract/layout-presets';
import {
  cellKeys,
  fitToCells,
  gridSize,
  minNameFontPx,
  moveFocus,
  presetForKey,
  reflowLayout,
  tileSizePx,
} from '../../../renderer/src/layout/layout-math';

const cameras = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => ({ id }));

describe('presets', () => {
  it('are columns x rows', () => {
    expect(gridSize('5x4')).toEqual({ columns: 5, rows: 4 });
    expect(LAYOUT_PRESET_IDS.map(presetCellCount)).toEqual([1, 4, 9, 16, 20]);
  });

  it('map keys 1–5 in order and nothing else', () => {
    expect(['1', '2', '3', '4', '5'].map(presetForKey)).toEqual([...LAYOUT_PRESET_IDS]);
    for (const key of ['0', '6', '9', 'a', '', '12', 'Enter']) expect(presetForKey(key)).toBeNull();
  });
});

describe('fitToCells', () => {
  it('pads with empty cells and cuts extra cameras', () => {
    expect(fitToCells(['a'], 4)).toEqual(['a', null, null, null]);
    expect(fitToCells(['a', 'b', 'c'], 1)).toEqual(['a']);
  });
});

describe('reflowLayout', () => {
  it('keeps the cameras on screen in order and adds the rest in configuration order', () => {
    const next = reflowLayout({ preset: '2x2', cameraIds: ['c', 'a', null, 'e'] }, '3x3', cameras);
    expect(next).toEqual({
      preset: '3x3',
      cameraIds: ['c', 'a', 'e', 'b', 'd', 'f', 'g', 'h', 'i'],
    });
  });

  it('cuts to the first cameras when the grid shrinks', () => {
    const next = reflowLayout({ preset: '3x3', cameraIds: ['i', 'h', 'g', 'f'] }, '1x1', cameras);
    expect(next.cameraIds).toEqual(['i']);
  });

  it('pads with empty cells when there are fewer cameras than cells', () => {
    const next = reflowLayout({ preset: '1x1', cameraIds: ['a'] }, '5x4', cameras);
    expect(next.cameraIds).toHaveLength(20);
    expect(next.cameraIds.slice(10)).toEqual(Array(10).fill(null));
  });

  it('comes back to the same wall after shrinking and growing', () => {
    const start = reflowLayout({ preset: '1x1', cameraIds: [] }, '4x4', cameras);
    const round = reflowLayout(reflowLayout(start, '2x2', cameras), '4x4', cameras);
    expect(round).toEqual(start);
  });
});

describe('cellKeys', () => {
  it('keys a camera by its id wherever it is, and numbers repeated cameras', () => {
    expect(cellKeys(['a', null, 'a', 'b'])).toEqual([
      { key: 'cam:a', copy: 0 },
      { key: 'empty:1', copy: 0 },
      { key: 'cam:a#1', copy: 1 },
      { key: 'cam:b', copy: 0 },
    ]);
    expect(cellKeys(['b', 'a'])[1]).toEqual(cellKeys(['a'])[0]);
  });
});

describe('legibility', () => {
  it('a 5x4 tile on 1920x1080 needs an 18 px name at least', () => {
    const tile = tileSizePx('5x4', { width: 1920, height: 1080 }, 2);
    expect(tile.width).toBeCloseTo(382.4, 1);
    expect(tile.height).toBeCloseTo(268.5, 1);
    expect(minNameFontPx(tile.height)).toBeCloseTo(22.4, 1);
    expect(minNameFontPx(120)).toBe(18);
  });
});

describe('moveFocus', () => {
  it('moves by one cell or one row and stops at the edges', () => {
    expect(moveFocus(0, 'ArrowRight', '5x4')).toBe(1);
    expect(moveFocus(4, 'ArrowRight', '5x4')).toBe(4);
    expect(moveFocus(5, 'ArrowLeft', '5x4')).toBe(5);
    expect(moveFocus(2, 'ArrowDown', '5x4')).toBe(7);
    expect(moveFocus(17, 'ArrowDown', '5x4')).toBe(17);
    expect(moveFocus(1, 'ArrowUp', '2x2')).toBe(1);
    expect(moveFocus(3, 'ArrowUp', '2x2')).toBe(1);
    expect(moveFocus(3, 'Home', '2x2')).toBe(3);
  });
});
