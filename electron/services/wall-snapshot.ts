// Builds what the renderer may know about the wall: names, availability, layout. It never
// copies a URL or a credential out of the settings.
import type { CameraView, SiteView, WallSnapshot } from '../contract/wall-contract';
import type { CameraSettings, WallSettings } from '../settings/settings-model';
import { streamUrlKind } from '../settings/stream-url';

export function siteViews(settings: WallSettings): SiteView[] {
  return settings.sites.map((site) => ({
    id: site.id,
    name: site.name,
    shortName: site.shortName ?? site.name,
  }));
}

export function cameraView(camera: CameraSettings): CameraView {
  const kind = streamUrlKind(camera.streams.sub.url);
  return {
    id: camera.id,
    siteId: camera.siteId,
    name: camera.name,
    availability: camera.availability ?? 'installed',
    kind: kind === 'ws-flv' || kind === null ? 'flv' : kind,
    hasCredentials: Boolean(
      camera.streams.sub.auth || camera.streams.main?.auth || hasUserInfo(camera),
    ),
    hasMainStream: camera.streams.main !== undefined,
  };
}

export function wallSnapshot(
  settings: WallSettings,
  extra: Pick<WallSnapshot, 'gatewayBase' | 'configSource'>,
): WallSnapshot {
  return {
    productName: 'One-Stop Wall',
    sites: siteViews(settings),
    cameras: settings.cameras.map(cameraView),
    layout: settings.layout,
    locale: settings.locale,
    ...extra,
  };
}

function hasUserInfo(camera: CameraSettings): boolean {
  return [camera.streams.sub, camera.streams.main].some((endpoint) => {
    if (!endpoint) return false;
    try {
      const url = new URL(endpoint.url);
      return url.username !== '' || url.password !== '';
    } catch {
      return false;
    }
  });
}

/** The label used in logs and messages: "Cẩm Đoài · Quầy 1". */
export function cameraLabel(settings: WallSettings, camera: CameraSettings): string {
  const site = settings.sites.find((s) => s.id === camera.siteId);
  return `${site?.shortName ?? site?.name ?? camera.siteId} · ${camera.name}`;
}
