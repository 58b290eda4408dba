// The name on a tile: the centre's short name, plus the camera's own name when the centre has
// several cameras ("Cẩm Đoài · Quầy 2"). Pure.
import type { WallSnapshot } from '../contract';

export function tileLabel(
  snapshot: Pick<WallSnapshot, 'sites' | 'cameras'> | null,
  cameraId: string | null,
): string | null {
  if (cameraId === null || snapshot === null) return null;
  const camera = snapshot.cameras.find((c) => c.id === cameraId);
  if (!camera) return cameraId;
  const site = snapshot.sites.find((s) => s.id === camera.siteId);
  if (!site) return camera.name;
  const siblings = snapshot.cameras.filter((c) => c.siteId === camera.siteId).length;
  return siblings > 1 ? `${site.shortName} · ${camera.name}` : site.shortName;
}
