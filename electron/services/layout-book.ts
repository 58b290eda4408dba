// The wall's named layouts and each display's choice, in main: what the configuration offers
// by default, what staff saved (read and migrated from the store), and the checked changes
// staff make. Every change is written back to the store at once.
import { templateForPreset, templateGrid } from '../contract/layout-presets';
import {
  ALL_CENTRES_LAYOUT_ID,
  MAX_SAVED_LAYOUTS,
  isLayoutId,
  parseDisplayChoice,
  parseSavedLayout,
  type DisplayChoice,
  type SavedLayout,
  type TourSpec,
} from '../contract/saved-layout';
import type { Result } from '../contract/wall-contract';
import { readRememberedLayouts } from '../settings/migrate-remembered';
import type { WallSettings } from '../settings/settings-model';
import type { SettingsMemory } from '../settings/settings-store';

export const CONFIG_LAYOUT_ID = 'config';

/**
 * The layouts a configuration offers before staff save any: "All centres" in configuration
 * order on the file's preset, and the file's own layout first when it orders cameras
 * differently (a camera twice, blanks between, another order).
 */
export function defaultLayouts(settings: WallSettings): SavedLayout[] {
  const template = templateForPreset(settings.layout.preset);
  const all: SavedLayout = {
    id: ALL_CENTRES_LAYOUT_ID,
    name: '',
    template,
    grid: templateGrid(template),
    cameras: 'all',
  };
  const order = settings.cameras.map((c) => c.id);
  const listed = [...settings.layout.cameraIds];
  while (listed.length > 0 && listed[listed.length - 1] === null) listed.pop();
  const sameAsAll = listed.length <= order.length && listed.every((id, i) => id === order[i]);
  if (sameAsAll) return [all];
  return [{ ...all, id: CONFIG_LAYOUT_ID, cameras: [...settings.layout.cameraIds] }, all];
}

export class LayoutBook {
  layouts: SavedLayout[];
  displays: Record<string, DisplayChoice>;

  constructor(
    private settings: WallSettings,
    private readonly memory: SettingsMemory | null,
  ) {
    const remembered = readRememberedLayouts(memory?.read() ?? {});
    this.layouts = remembered.layouts ?? defaultLayouts(settings);
    this.displays = remembered.displays;
    if (remembered.migrated) this.persist();
  }

  /**
   * New settings on the running wall (IT's file fixed, staff's screens, a signed bundle from IT). Layouts staff never
   * changed are the configuration's defaults, so they follow it: a wall that started blocked
   * on an empty stand-in, or on the last good file, takes the fixed file's preset and cameras.
   * Layouts staff saved stay as they are.
   */
  followSettings(settings: WallSettings): boolean {
    const untouched = sameLayouts(this.layouts, defaultLayouts(this.settings));
    this.settings = settings;
    if (!untouched) return false;
    const next = defaultLayouts(settings);
    if (sameLayouts(this.layouts, next)) return false;
    this.layouts = next;
    this.persist();
    return true;
  }

  save(payload: unknown): Result<SavedLayout> {
    const parsed = parseSavedLayout(payload);
    if (!parsed.ok) return parsed;
    const index = this.layouts.findIndex((l) => l.id === parsed.value.id);
    if (index === -1 && this.layouts.length >= MAX_SAVED_LAYOUTS) {
      return { ok: false, error: `At most ${MAX_SAVED_LAYOUTS} layouts can be saved.` };
    }
    this.layouts =
      index === -1
        ? [...this.layouts, parsed.value]
        : this.layouts.map((l, i) => (i === index ? parsed.value : l));
    this.persist();
    return parsed;
  }

  delete(payload: unknown): Result<true> {
    const id = (payload as { id?: unknown } | null)?.id;
    if (!isLayoutId(id) || !this.layouts.some((l) => l.id === id)) {
      return { ok: false, error: `There is no layout ${JSON.stringify(id)}.` };
    }
    if (this.layouts.length === 1) return { ok: false, error: 'The last layout stays.' };
    this.layouts = this.layouts.filter((l) => l.id !== id);
    // A tour that listed it cycles the rest; one that listed only it ends. A display that showed
    // it falls back as an unknown display would (resolveDisplayChoice).
    this.displays = Object.fromEntries(
      Object.entries(this.displays).map(([displayId, choice]) => [
        displayId,
        { ...choice, tour: withoutLayout(choice.tour, id) },
      ]),
    );
    this.persist();
    return { ok: true, value: true };
  }

  choose(payload: unknown): Result<DisplayChoice> {
    const { displayId, choice } = (payload ?? {}) as Record<string, unknown>;
    if (typeof displayId !== 'string' || !/^[\w:.-]{1,80}$/.test(displayId)) {
      return { ok: false, error: 'The display id must be 1–80 plain characters.' };
    }
    const parsed = parseDisplayChoice(choice);
    if (!parsed.ok) return parsed;
    const ids = [parsed.value.layoutId, ...(parsed.value.tour?.layoutIds ?? [])];
    const missing = ids.find((id) => !this.layouts.some((l) => l.id === id));
    if (missing !== undefined) return { ok: false, error: `There is no layout "${missing}".` };
    this.displays = { ...this.displays, [displayId]: parsed.value };
    this.persist();
    return parsed;
  }

  private persist(): void {
    this.memory?.write({ layouts: this.layouts, displays: this.displays });
  }
}

function sameLayouts(a: readonly SavedLayout[], b: readonly SavedLayout[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withoutLayout(tour: TourSpec | null, layoutId: string): TourSpec | null {
  if (tour === null || !tour.layoutIds.includes(layoutId)) return tour;
  const layoutIds = tour.layoutIds.filter((id) => id !== layoutId);
  return layoutIds.length > 0 ? { ...tour, layoutIds } : null;
}
