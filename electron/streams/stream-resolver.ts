// How the broker finds a camera's stream: built once from the settings and handed to the
// broker, so the streams layer never calls back up into the service that owns it.
import { cameraLabel } from '../settings/camera-label';
import type { WallSettings } from '../settings/settings-model';
import { loginIdentity } from './core/login-identity';
import type { StreamResolver } from './core/stream-broker';
import { sourceForEndpoint } from './protocols/registry';

export interface ResolverOptions {
  /** Folder holding demo/<clip>.flv. */
  assetsDir: string;
  log: (line: string) => void;
}

/** `settings` may be a getter: the wall's settings change while it runs (the staff screens). */
export function createStreamResolver(
  settings: WallSettings | (() => WallSettings),
  options: ResolverOptions,
): StreamResolver {
  const current = typeof settings === 'function' ? settings : () => settings;
  return (cameraId, quality) => {
    const settings = current();
    const camera = settings.cameras.find((c) => c.id === cameraId);
    if (!camera) return { error: `There is no camera "${cameraId}".` };
    const label = cameraLabel(settings, camera);
    if (camera.availability !== 'installed') {
      return { error: `Camera '${label}' is ${camera.availability}; it has no stream.` };
    }
    // Without a separate main stream, the sub stream serves both qualities.
    const endpoint =
      quality === 'main' ? (camera.streams.main ?? camera.streams.sub) : camera.streams.sub;
    const factory = sourceForEndpoint(endpoint, {
      label,
      assetsDir: options.assetsDir,
      log: options.log,
    });
    if ('error' in factory) return factory;
    const login = loginIdentity(endpoint.url, endpoint.auth);
    return login ? { label, factory, login } : { label, factory };
  };
}
