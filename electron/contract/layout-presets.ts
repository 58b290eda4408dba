// The layouts staff pick from. Uniform grids are named columns x rows the way staff say them
// ("lưới 4x4"); large-tile layouts by how many tiles they hold ("1+5": one large, five small),
// the large tile first so the first camera, usually the district centre, takes it. The older
// presets (1x1 … 5x5) remain the configuration file's format and map onto templates.
import { gridWithBigTiles, uniformGrid, type LayoutGrid } from './layout-grid';

export const LAYOUT_TEMPLATES = {
  '1': uniformGrid(1, 1),
  '2x2': uniformGrid(2, 2),
  '3x3': uniformGrid(3, 3),
  '4x4': uniformGrid(4, 4),
  '5x4': uniformGrid(5, 4),
  '5x5': uniformGrid(5, 5),
  '1+5': gridWithBigTiles(3, 3, [{ col: 0, row: 0, colSpan: 2, rowSpan: 2 }]),
  '1+7': gridWithBigTiles(4, 4, [{ col: 0, row: 0, colSpan: 3, rowSpan: 3 }]),
  '1+12': gridWithBigTiles(4, 4, [{ col: 0, row: 0, colSpan: 2, rowSpan: 2 }]),
  '2+8': gridWithBigTiles(4, 4, [
    { col: 0, row: 0, colSpan: 2, rowSpan: 2 },
    { col: 2, row: 0, colSpan: 2, rowSpan: 2 },
  ]),
} as const satisfies Record<string, LayoutGrid>;

export type LayoutTemplateId = keyof typeof LAYOUT_TEMPLATES;

export const LAYOUT_TEMPLATE_IDS = Object.keys(LAYOUT_TEMPLATES) as readonly LayoutTemplateId[];

/** Own keys only: a template named "toString" or "__proto__" is not a template. */
export function isLayoutTemplateId(value: unknown): value is LayoutTemplateId {
  return typeof value === 'string' && Object.hasOwn(LAYOUT_TEMPLATES, value);
}

/** A fresh copy, so a caller that edits it never edits the template. */
export function templateGrid(id: LayoutTemplateId): LayoutGrid {
  const grid = LAYOUT_TEMPLATES[id];
  return { columns: grid.columns, rows: grid.rows, tiles: grid.tiles.map((t) => ({ ...t })) };
}

export const LAYOUT_PRESETS = {
  '1x1': { columns: 1, rows: 1 },
  '2x2': { columns: 2, rows: 2 },
  '3x3': { columns: 3, rows: 3 },
  '4x4': { columns: 4, rows: 4 },
  '5x4': { columns: 5, rows: 4 },
  '5x5': { columns: 5, rows: 5 },
} as const satisfies Record<string, { columns: number; rows: number }>;

export type LayoutPresetId = keyof typeof LAYOUT_PRESETS;

export const LAYOUT_PRESET_IDS = Object.keys(LAYOUT_PRESETS) as readonly LayoutPresetId[];

/** Own keys only: a preset named "toString" or "__proto__" is not a preset. */
export function isLayoutPresetId(value: unknown): value is LayoutPresetId {
  return typeof value === 'string' && Object.hasOwn(LAYOUT_PRESETS, value);
}

export function presetCellCount(preset: LayoutPresetId): number {
  const { columns, rows } = LAYOUT_PRESETS[preset];
  return columns * rows;
}

/** The template a configuration file's preset stands for. */
export function templateForPreset(preset: LayoutPresetId): LayoutTemplateId {
  return preset === '1x1' ? '1' : preset;
}
