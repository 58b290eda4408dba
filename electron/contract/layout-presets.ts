// The grid presets, named columns x rows the way staff say them ("lưới 4x4"). Main checks
// requests and configuration files against them, the store's schema lists them, and the
// renderer lays tiles out by them; the order is the order of the staff's keys 1–5.

export const LAYOUT_PRESETS = {
  '1x1': { columns: 1, rows: 1 },
  '2x2': { columns: 2, rows: 2 },
  '3x3': { columns: 3, rows: 3 },
  '4x4': { columns: 4, rows: 4 },
  '5x4': { columns: 5, rows: 4 },
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
