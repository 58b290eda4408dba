// Secrets in IT's configuration file (passwords, tokens, signing secrets) can be protected for
// the PC they run on: `--protect-config FILE` replaces each with `safe:<base64>`, encrypted by
// the operating system's key store (Electron's safeStorage: DPAPI on Windows, the keychain on
// macOS, libsecret/kwallet on Linux). The wall decrypts them in the main process when it
// loads the file. Electron-free: the codec is injected.
import type { AuthSettings, StreamEndpointConfig, WallSettingsFile } from './settings-model';
import { liftUserInfo } from './url-credentials';

export const PROTECTED_PREFIX = 'safe:';

export interface SecretCodec {
  /** False when the OS offers no encryption at all (then nothing can be protected). */
  readonly available: boolean;
  /**
   * True when "encryption" uses a fixed key (Linux without a key store: basic_text). The
   * secrets are then only obscured, and the wall says so plainly.
   */
  readonly weak: boolean;
  encrypt(plain: string): string;
  decrypt(encoded: string): string;
}

export const isProtected = (value: string): boolean => value.startsWith(PROTECTED_PREFIX);

type SecretMapper = (value: string, path: string) => string;

function mapAuth(auth: AuthSettings, path: string, map: SecretMapper): AuthSettings {
  switch (auth.type) {
    case 'password':
      return { ...auth, password: map(auth.password, `${path}.password`) };
    case 'bearer':
      return { ...auth, token: map(auth.token, `${path}.token`) };
    case 'nms-sign':
      return { ...auth, secret: map(auth.secret, `${path}.secret`) };
  }
}

function mapEndpoint<E extends StreamEndpointConfig>(
  endpoint: E,
  path: string,
  map: SecretMapper,
): E {
  return endpoint.auth
    ? { ...endpoint, auth: mapAuth(endpoint.auth, `${path}.auth`, map) }
    : endpoint;
}

/**
 * Applies `change` to every endpoint. Generic so that it serves both the file's form (for
 * --protect-config) and the parsed settings (whose endpoints carry their derived URL kind):
 * endpoints are copied with a spread, so whatever else they hold is kept.
 */
function mapEndpoints<T extends WallSettingsFile>(
  settings: T,
  change: <E extends StreamEndpointConfig>(endpoint: E, path: string) => E,
): T {
  return {
    ...settings,
    cameras: settings.cameras.map((camera, i) => {
      const path = `cameras[${i}].streams`;
      const sub = change(camera.streams.sub, `${path}.sub`);
      const main = camera.streams.main && change(camera.streams.main, `${path}.main`);
      return { ...camera, streams: main ? { sub, main } : { sub } };
    }),
  };
}

function mapSecrets<T extends WallSettingsFile>(settings: T, map: SecretMapper): T {
  const mapped = mapEndpoints(settings, (endpoint, path) => mapEndpoint(endpoint, path, map));
  const heartbeat = mapped.heartbeat;
  const p = mapped.provisioning;
  return {
    ...mapped,
    // An empty heartbeat key stays empty: there is nothing to protect.
    ...(heartbeat && heartbeat.secret !== ''
      ? { heartbeat: { ...heartbeat, secret: map(heartbeat.secret, 'heartbeat.secret') } }
      : {}),
    // The provisioning fleet key is a secret like a camera password.
    ...(p ? { provisioning: { ...p, fleetKey: map(p.fleetKey, 'provisioning.fleetKey') } } : {}),
  };
}

export function protectSecrets<T extends WallSettingsFile>(
  settings: T,
  codec: SecretCodec,
): { settings: T; protectedCount: number } {
  if (!codec.available) throw new Error('this PC offers no encryption for secrets');
  let protectedCount = 0;
  const lifted = mapEndpoints(settings, liftUserInfo);
  const result = mapSecrets(lifted, (value) => {
    if (isProtected(value)) return value;
    protectedCount += 1;
    return PROTECTED_PREFIX + codec.encrypt(value);
  });
  return { settings: result, protectedCount };
}

/** Decrypts every `safe:` value; names each one that cannot be decrypted here. */
export function revealSecrets<T extends WallSettingsFile>(
  settings: T,
  codec: SecretCodec | null,
): { ok: true; settings: T } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const revealed = mapSecrets(settings, (value, path) => {
    if (!isProtected(value)) return value;
    if (!codec || !codec.available) {
      errors.push(
        `${path}: is protected for one PC (safe:…), and only the One-Stop Wall app on that PC can read it. Put the plain value in the file, or protect the file on this PC with --protect-config.`,
      );
      return value;
    }
    try {
      return codec.decrypt(value.slice(PROTECTED_PREFIX.length));
    } catch {
      errors.push(
        `${path}: cannot be decrypted on this PC or by this user (it was protected elsewhere). Put the plain value back and run --protect-config here.`,
      );
      return value;
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: revealed };
}
