// Grid arithmetic for the wall, as plain functions over plain data so it is unit-tested under
// Node. The presets themselves (columns x rows) are the contract's.
import {
  LAYOUT_PRESET_IDS,
  LAYOUT_PRESETS,
  presetCellCount,
  type CameraView,
  type LayoutPresetId,
  type LayoutSelection,
} from '../contract';

export interface GridSize {
  columns: number;
  rows: number;
}

export function gridSize(preset: LayoutPresetId): GridSize {
  return LAYOUT_PRESETS[preset];
}

/** Keys 1–5 pick presets in order; anything else is not a preset key. */
export function presetForKey(key: string): LayoutPresetId | null {
  const index = Number.parseInt(key, 10);
  if (!/^[1-9]$/.test(key) || Number.isNaN(index)) return null;
  return LAYOUT_PRESET_IDS[index - 1] ?? null;
}

/** Pads with empty cells or cuts the list so there is exactly one entry per cell. */
export function fitToCells(
  cameraIds: readonly (string | null)[],
  cells: number,
): (string | null)[] {
  const fitted = cameraIds.slice(0, cells);
  while (fitted.length < cells) fitted.push(null);
  return fitted;
}

/**
 * The layout after switching to another preset: the cameras on screen keep their order, and
 * when the new grid has more cells the cameras not yet shown follow in configuration order,
 * so going 2x2 → 4x4 → 2x2 → 4x4 comes back to the same wall.
 */
export function reflowLayout(
  current: LayoutSelection,
  preset: LayoutPresetId,
  cameras: readonly Pick<CameraView, 'id'>[],
): LayoutSelection {
  const cells = presetCellCount(preset);
  const shown = current.cameraIds.filter((id): id is string => id !== null);
  const seen = new Set(shown);
  const rest = cameras.map((camera) => camera.id).filter((id) => !seen.has(id));
  return { preset, cameraIds: fitToCells([...shown, ...rest], cells) };
}

/** The pixel size of one tile, used to check legibility rules (name ≥ 1/12 of tile height). */
export function tileSizePx(
  preset: LayoutPresetId,
  viewport: { width: number; height: number },
  gapPx: number,
): { width: number; height: number } {
  const { columns, rows } = gridSize(preset);
  return {
    width: (viewport.width - gapPx * (columns - 1)) / columns,
    height: (viewport.height - gapPx * (rows - 1)) / rows,
  };
}

/** The smallest readable name size for a tile: 1/12 of its height, never under 18 px. */
export function minNameFontPx(tileHeightPx: number): number {
  return Math.max(18, tileHeightPx / 12);
}

/**
 * React keys for the cells: a camera keeps its key wherever it moves, so its tile (and player)
 * survives a layout change; a camera shown twice gets a copy number for its second cell.
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

/** The cell an arrow key moves the focus to, staying inside the grid (no wrapping). */
export function moveFocus(index: number, key: string, preset: LayoutPresetId): number {
  const { columns } = gridSize(preset);
  const cells = presetCellCount(preset);
  const column = index % columns;
  const moves: Record<string, number> = {
    ArrowLeft: column > 0 ? -1 : 0,
    ArrowRight: column < columns - 1 ? 1 : 0,
    ArrowUp: -columns,
    ArrowDown: columns,
  };
  const next = index + (moves[key] ?? 0);
  return next >= 0 && next < cells ? next : index;
}
