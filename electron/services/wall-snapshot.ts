// Builds what the renderer may know about the wall: names, availability, layout. It never
// copies a URL or a credential out of the settings.
import type { CameraView, SiteView, SourceKind, WallSnapshot } from '../contract/wall-contract';
import type { CameraSettings, StreamUrlKind, WallSettings } from '../settings/settings-model';

/** The renderer tells apart only what it shows: both gateway transports are "flv". */
const VIEW_KIND: Record<StreamUrlKind, SourceKind> = {
  rtsp: 'rtsp',
  'http-flv': 'flv',
  'ws-flv': 'flv',
  'http-ts': 'ts',
  demo: 'demo',
};

export function siteViews(settings: WallSettings): SiteView[] {
  return settings.sites.map((site) => ({
    id: site.id,
    name: site.name,
    shortName: site.shortName ?? site.name,
  }));
}

export function cameraView(camera: CameraSettings): CameraView {
  return {
    id: camera.id,
    siteId: camera.siteId,
    name: camera.name,
    availability: camera.availability,
    kind: VIEW_KIND[camera.streams.sub.kind],
    hasCredentials: Boolean(
      camera.streams.sub.auth || camera.streams.main?.auth || hasUserInfo(camera),
    ),
    hasMainStream: camera.streams.main !== undefined,
  };
}

export function wallSnapshot(
  settings: WallSettings,
  extra: Pick<WallSnapshot, 'gatewayBase' | 'configSource' | 'layouts' | 'displays'>,
): WallSnapshot {
  return {
    productName: 'One-Stop Wall',
    sites: siteViews(settings),
    cameras: settings.cameras.map(cameraView),
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
