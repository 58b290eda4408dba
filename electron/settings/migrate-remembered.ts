// Reads the remembered layouts and displays, migrating what older versions saved (one preset
// layout) into a named layout shown on display 0. Each layout is checked as a request would
// be; a damaged one is dropped, not fatal. Pure: the service writes the result back.
import { isLayoutPresetId, templateForPreset, templateGrid } from '../contract/layout-presets';
import {
  MAX_SAVED_LAYOUTS,
  parseDisplayChoice,
  parseSavedLayout,
  type DisplayChoice,
  type SavedLayout,
} from '../contract/saved-layout';
import type { RememberedState } from './settings-store';

export const MIGRATED_LAYOUT_ID = 'remembered';

export interface RememberedLayouts {
  layouts: SavedLayout[] | null;
  displays: Record<string, DisplayChoice>;
  /** True when an old form was read: the caller writes the new form back. */
  migrated: boolean;
}

export function readRememberedLayouts(remembered: RememberedState): RememberedLayouts {
  const displays: Record<string, DisplayChoice> = {};
  for (const [id, raw] of Object.entries(remembered.displays ?? {})) {
    const choice = parseDisplayChoice(raw);
    if (choice.ok) displays[id] = choice.value;
  }
  if (Array.isArray(remembered.layouts)) {
    const layouts = remembered.layouts
      .map((raw) => parseSavedLayout(raw))
      .flatMap((r) => (r.ok ? [r.value] : []))
      .slice(0, MAX_SAVED_LAYOUTS);
    return { layouts: layouts.length > 0 ? layouts : null, displays, migrated: false };
  }
  const old = remembered.layout;
  const valid =
    typeof old === 'object' &&
    old !== null &&
    isLayoutPresetId(old.preset) &&
    Array.isArray(old.cameraIds) &&
    old.cameraIds.every((id) => id === null || typeof id === 'string');
  if (!valid) return { layouts: null, displays, migrated: false };
  const template = templateForPreset(old.preset);
  const layout: SavedLayout = {
    id: MIGRATED_LAYOUT_ID,
    name: '',
    template,
    grid: templateGrid(template),
    cameras: [...old.cameraIds],
  };
  return {
    layouts: [layout],
    displays: { ...displays, 'display-0': { index: 0, layoutId: layout.id, tour: null } },
    migrated: true,
  };
}
