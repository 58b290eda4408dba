// The settings as the screens may see them: every secret replaced by "there is one" and its
// vault reference, and each centre and camera marked with where it comes from.
import type {
  AuthView,
  CameraSettingsView,
  CentreView,
  EndpointView,
  SettingsOrigin,
} from '../contract/settings-view';
import type {
  AuthSettings,
  CameraConfig,
  SiteSettings,
  StreamEndpointConfig,
} from './settings-model';
import { classifyStreamUrl } from './stream-url';
import { isVaultRef } from './vault/secret-vault';

const refOf = (value: string) => (isVaultRef(value) ? value : null);

export function authView(auth: AuthSettings | undefined): AuthView {
  if (!auth) return { type: 'none' };
  switch (auth.type) {
    case 'password':
      return {
        type: 'password',
        username: auth.username,
        hasPassword: auth.password !== '',
        vaultRef: refOf(auth.password),
        allowBasicOverCleartext: auth.allowBasicOverCleartext === true,
      };
    case 'bearer':
      return { type: 'bearer', hasToken: auth.token !== '', vaultRef: refOf(auth.token) };
    case 'nms-sign':
      return {
        type: 'nms-sign',
        hasSecret: auth.secret !== '',
        vaultRef: refOf(auth.secret),
        ttlSeconds: auth.ttlSeconds ?? null,
      };
  }
}

export function endpointView(endpoint: StreamEndpointConfig): EndpointView {
  let url = endpoint.url;
  try {
    // Never a user:password@ in what the renderer sees (a version-2 file has none anyway).
    const parsed = new URL(endpoint.url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      url = parsed.toString();
    }
  } catch {
    // demo:… and other URLs that are not parsed as such carry no credentials.
  }
  const classified = classifyStreamUrl(url);
  return {
    url,
    kind: 'kind' in classified ? classified.kind : 'rtsp',
    auth: authView(endpoint.auth),
    tls: endpoint.tls ?? null,
    allowBasicOverCleartext: endpoint.allowBasicOverCleartext === true,
    allowRedirectTo: endpoint.allowRedirectTo ?? [],
  };
}

export function centreView(site: SiteSettings, order: number, origin: SettingsOrigin): CentreView {
  return { id: site.id, name: site.name, shortName: site.shortName ?? null, order, origin };
}

export function cameraView(camera: CameraConfig, origin: SettingsOrigin): CameraSettingsView {
  return {
    id: camera.id,
    siteId: camera.siteId,
    name: camera.name,
    availability: camera.availability ?? 'installed',
    streams: {
      sub: endpointView(camera.streams.sub),
      main: camera.streams.main ? endpointView(camera.streams.main) : null,
    },
    origin,
  };
}
