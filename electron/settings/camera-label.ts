// How a camera is named in logs and failure messages. It lives with the settings because
// both the stream resolver (streams) and the services need it, and streams may not import
// services.
import type { CameraSettings, WallSettings } from './settings-model';

/** The label used in logs and messages: "Cẩm Đoài · Quầy 1". */
export function cameraLabel(settings: WallSettings, camera: CameraSettings): string {
  const site = settings.sites.find((s) => s.id === camera.siteId);
  return `${site?.shortName ?? site?.name ?? camera.siteId} · ${camera.name}`;
}
