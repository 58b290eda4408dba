// Applies a verified bundle to the wall's current settings: only the parts the bundle manages
// are replaced; everything else (the parts staff set on the PC, locale, schemaVersion) is kept.
import { PART_KEYS, type BundlePayload, type SettingsLike } from './bundle-format';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeBundle(
  current: SettingsLike,
  payload: Pick<BundlePayload, 'manages' | 'config'>,
): SettingsLike {
  const next: SettingsLike = structuredClone(current);
  for (const part of payload.manages) {
    const key = PART_KEYS[part];
    next[key] = structuredClone(payload.config[key]);
  }
  // A bundle that manages cameras but not layouts must not leave staff's layout pointing at a
  // camera that no longer exists (the settings would be refused): those cells become empty.
  if (
    payload.manages.includes('cameras') &&
    !payload.manages.includes('layouts') &&
    Array.isArray(next.cameras) &&
    isObj(next.layout) &&
    Array.isArray(next.layout.cameraIds)
  ) {
    const ids = new Set(next.cameras.filter(isObj).map((c) => c.id));
    const cameraIds = next.layout.cameraIds.map((id: unknown) =>
      typeof id === 'string' && !ids.has(id) ? null : id,
    );
    next.layout = { ...next.layout, cameraIds };
  }
  return next;
}
