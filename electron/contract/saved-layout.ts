// Named layouts staff save, and what each display shows. A layout is a template or a custom
// grid plus which camera sits in which cell; `cameras: 'all'` fills the cells with every
// configured camera in configuration order. A list longer than the grid runs on to further
// pages. A layout may name a camera IT has since removed: its cell says so calmly.
import { gridProblem, normaliseGrid, type LayoutGrid } from './layout-grid';
import { isLayoutTemplateId, templateGrid, type LayoutTemplateId } from './layout-presets';

export interface SavedLayout {
  id: string;
  name: string;
  template: LayoutTemplateId | 'custom';
  grid: LayoutGrid;
  cameras: 'all' | (string | null)[];
}

/** A tour cycles the pages of `layoutIds` in turn (none listed: the display's own layout). */
export interface TourSpec {
  seconds: number;
  layoutIds: string[];
}

/** What one display shows, remembered by the display's id. */
export interface DisplayChoice {
  /** The display's index when it was chosen: an unknown display falls back to index 0's. */
  index: number;
  layoutId: string;
  tour: TourSpec | null;
}

export const ALL_CENTRES_LAYOUT_ID = 'all';
export const DEFAULT_TOUR_SECONDS = 15;
export const MAX_SAVED_LAYOUTS = 50;
const MAX_CAMERA_SLOTS = 512;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isLayoutId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Checks a layout from an untrusted side (the renderer, the store); a template's grid wins. */
export function parseSavedLayout(value: unknown): Parsed<SavedLayout> {
  if (!isRecord(value)) return fail('The layout must be an object.');
  const { id, name, template, grid, cameras } = value;
  if (!isLayoutId(id)) return fail('The layout id must be 1–40 letters, digits, - or _.');
  if (typeof name !== 'string' || name.length > 80) {
    return fail('The layout name must be text of at most 80 characters.');
  }
  if (template !== 'custom' && !isLayoutTemplateId(template)) {
    return fail(`Unknown layout template ${JSON.stringify(template)}.`);
  }
  const checked = template === 'custom' ? normaliseGrid(grid) : templateGrid(template);
  if (checked === null) return fail(gridProblem(grid) ?? 'The grid is not valid.');
  if (cameras !== 'all') {
    if (!Array.isArray(cameras) || cameras.length > MAX_CAMERA_SLOTS) {
      return fail(`The cameras must be "all" or a list of at most ${MAX_CAMERA_SLOTS} ids.`);
    }
    const bad = cameras.find((c) => c !== null && (typeof c !== 'string' || c.length > 200));
    if (bad !== undefined) return fail(`Not a camera id: ${JSON.stringify(bad)}.`);
  }
  return {
    ok: true,
    value: {
      id,
      name: name.trim(),
      template,
      grid: checked,
      cameras: cameras === 'all' ? 'all' : [...(cameras as (string | null)[])],
    },
  };
}

export function parseTourSpec(value: unknown): Parsed<TourSpec | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (!isRecord(value)) return fail('The tour must be an object or null.');
  const { seconds, layoutIds } = value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 3 || seconds > 3600) {
    return fail('A tour step lasts a whole number of seconds from 3 to 3600.');
  }
  if (!Array.isArray(layoutIds) || !layoutIds.every(isLayoutId) || layoutIds.length > 50) {
    return fail('The tour lists at most 50 layout ids.');
  }
  return { ok: true, value: { seconds, layoutIds: [...layoutIds] } };
}

export function parseDisplayChoice(value: unknown): Parsed<DisplayChoice> {
  if (!isRecord(value)) return fail('The display choice must be an object.');
  const { index, layoutId, tour } = value;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 63) {
    return fail('The display index must be a whole number from 0 to 63.');
  }
  if (!isLayoutId(layoutId)) return fail('The display needs a layout id.');
  const parsedTour = parseTourSpec(tour);
  if (!parsedTour.ok) return parsedTour;
  return { ok: true, value: { index, layoutId, tour: parsedTour.value } };
}

/**
 * What a display shows: its own choice when its layout still exists; a display not seen
 * before (a monitor replaced or moved) takes display 0's choice; else the first layout.
 */
export function resolveDisplayChoice(
  displays: Readonly<Record<string, DisplayChoice>>,
  displayId: string,
  layouts: readonly Pick<SavedLayout, 'id'>[],
): DisplayChoice | null {
  const exists = (choice: DisplayChoice | undefined): choice is DisplayChoice =>
    choice !== undefined && layouts.some((l) => l.id === choice.layoutId);
  const own = Object.hasOwn(displays, displayId) ? displays[displayId] : undefined;
  if (exists(own)) return own;
  const first = Object.values(displays).find((c) => c.index === 0);
  if (exists(first)) return first;
  const layout = layouts[0];
  return layout ? { index: 0, layoutId: layout.id, tour: null } : null;
}
