// Every payload from the renderer is `unknown` until checked here; a bad one gets a clear
// error result, never a crash.
import type { LayoutSelection, Locale, Result } from '../contract/wall-contract';
import { LAYOUT_PRESETS, presetCellCount } from '../settings/settings-model';

export function parseLocale(payload: unknown): Result<Locale> {
  return payload === 'vi' || payload === 'en'
    ? { ok: true, value: payload }
    : { ok: false, error: 'The language must be "vi" or "en".' };
}

export function parseLayoutSelection(
  payload: unknown,
  knownCameraIds: ReadonlySet<string>,
): Result<LayoutSelection> {
  if (typeof payload !== 'object' || payload === null) {
    return { ok: false, error: 'The layout must be an object with preset and cameraIds.' };
  }
  const { preset, cameraIds } = payload as Record<string, unknown>;
  if (typeof preset !== 'string' || !Object.hasOwn(LAYOUT_PRESETS, preset)) {
    return { ok: false, error: `Unknown layout preset ${JSON.stringify(preset)}.` };
  }
  const typedPreset = preset as LayoutSelection['preset'];
  const cells = presetCellCount(typedPreset);
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
  return { ok: true, value: { preset: typedPreset, cameraIds: ids } };
}
