// Every payload from the renderer is `unknown` until checked here; a bad one gets a clear
// error result, never a crash.
import { isLayoutPresetId, presetCellCount } from '../contract/layout-presets';
import { isLocale, LOCALES } from '../contract/locales';
import type { LayoutSelection, Locale, Result } from '../contract/wall-contract';

const LOCALE_CHOICES = LOCALES.map((l) => JSON.stringify(l)).join(' or ');

export function parseLocale(payload: unknown): Result<Locale> {
  return isLocale(payload)
    ? { ok: true, value: payload }
    : { ok: false, error: `The language must be ${LOCALE_CHOICES}.` };
}

export function parseLayoutSelection(
  payload: unknown,
  knownCameraIds: ReadonlySet<string>,
): Result<LayoutSelection> {
  if (typeof payload !== 'object' || payload === null) {
    return { ok: false, error: 'The layout must be an object with preset and cameraIds.' };
  }
  const { preset, cameraIds } = payload as Record<string, unknown>;
  if (!isLayoutPresetId(preset)) {
    return { ok: false, error: `Unknown layout preset ${JSON.stringify(preset)}.` };
  }
  const cells = presetCellCount(preset);
  if (!Array.isArray(cameraIds) || cameraIds.length > cells) {
    return {
      ok: false,
      error: `The layout ${preset} takes a list of at most ${cells} camera ids.`,
    };
  }
  const ids: (string | null)[] = [];
  for (const id of cameraIds) {
    if (id === null) ids.push(null);
    else if (typeof id === 'string' && knownCameraIds.has(id)) ids.push(id);
    else return { ok: false, error: `There is no camera ${JSON.stringify(id)}.` };
  }
  while (ids.length < cells) ids.push(null);
  return { ok: true, value: { preset, cameraIds: ids } };
}
