// The centres list: in display order, moved one place up or down, and whether one can go.
import type { CameraSettingsView, CentreDraft, CentreView } from '../../contract';

export function sortedCentres(centres: readonly CentreView[]): CentreView[] {
  return [...centres].sort((a, b) => a.order - b.order);
}

/** The draft that moves a centre one place (null at either end): its new position. */
export function moveCentreDraft(
  centres: readonly CentreView[],
  id: string,
  delta: -1 | 1,
): CentreDraft | null {
  const list = sortedCentres(centres);
  const index = list.findIndex((c) => c.id === id);
  const centre = list[index];
  const target = index + delta;
  if (centre === undefined || target < 0 || target >= list.length) return null;
  return { ...centreDraft(centre.id, centre.name, centre.shortName ?? ''), order: target };
}

/** A centre as typed: an empty short name is none (the tile then uses the full name). */
export function centreDraft(id: string | null, name: string, shortName: string): CentreDraft {
  const short = shortName.trim();
  return {
    ...(id !== null ? { id } : {}),
    name: name.trim(),
    ...(short !== '' ? { shortName: short } : {}),
  };
}

/** How many cameras belong to a centre: one that still has some cannot be deleted. */
export function camerasOf(cameras: readonly CameraSettingsView[], centreId: string): number {
  return cameras.filter((camera) => camera.siteId === centreId).length;
}
