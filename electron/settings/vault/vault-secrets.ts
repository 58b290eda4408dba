// Moves the secrets of a configuration between its settings and the vault: every password,
// token and signing secret becomes a `vault:` reference, and back when the wall connects.
import { PROTECTED_PREFIX, isProtected, type SecretCodec } from '../protected-secrets';
import type { AuthSettings, CameraConfig, WallSettingsFile } from '../settings-model';
import { isVaultRef, type SecretVault } from './secret-vault';

type SecretField = 'password' | 'token' | 'secret';
type Visit = (value: string, ref: string, path: string) => string;

function secretField(auth: AuthSettings): SecretField {
  return auth.type === 'password' ? 'password' : auth.type === 'bearer' ? 'token' : 'secret';
}

function mapCamera<C extends CameraConfig>(camera: C, index: number, visit: Visit): C {
  const streams = { ...camera.streams };
  for (const quality of ['sub', 'main'] as const) {
    const endpoint = streams[quality];
    if (!endpoint?.auth) continue;
    const field = secretField(endpoint.auth);
    const value = (endpoint.auth as unknown as Record<SecretField, string>)[field];
    const ref = `${camera.id}/${quality}/${field}`;
    const next = visit(value, ref, `cameras[${index}].streams.${quality}.auth.${field}`);
    if (next !== value)
      streams[quality] = { ...endpoint, auth: { ...endpoint.auth, [field]: next } };
  }
  return { ...camera, streams };
}

/** The vault reference of the provisioning fleet key (no camera id can hold a '/'). */
export const FLEET_KEY_REF = 'provisioning/fleetKey';

export function mapSettingsSecrets<T extends WallSettingsFile>(settings: T, visit: Visit): T {
  const cameras = settings.cameras.map((c, i) => mapCamera(c, i, visit));
  const heartbeat = settings.heartbeat;
  const p = settings.provisioning;
  return {
    ...settings,
    cameras,
    // IT's heartbeat key is a secret like a camera's password: same vault, same reveal.
    ...(heartbeat
      ? {
          heartbeat: {
            ...heartbeat,
            secret: visit(heartbeat.secret, 'heartbeat/secret', 'heartbeat.secret'),
          },
        }
      : {}),
    ...(p
      ? {
          provisioning: {
            ...p,
            fleetKey: visit(p.fleetKey, FLEET_KEY_REF, 'provisioning.fleetKey'),
          },
        }
      : {}),
  };
}

/** Secrets written in plain text (or `safe:` for this PC) rather than kept in the vault. */
export function countSecretsOutsideVault(settings: WallSettingsFile): number {
  let count = 0;
  mapSettingsSecrets(settings, (value) => {
    if (!isVaultRef(value) && value !== '') count += 1;
    return value;
  });
  return count;
}

/**
 * Puts every secret that is not yet in the vault into it; the settings keep references.
 * `safe:` values (protected with --protect-config) are decrypted with the PC's codec first.
 */
export function moveSecretsIntoVault<T extends WallSettingsFile>(
  settings: T,
  vault: SecretVault,
  pcCodec: SecretCodec | null,
): { settings: T; moved: number } {
  let moved = 0;
  const result = mapSettingsSecrets(settings, (value, ref) => {
    if (isVaultRef(value) || value === '') return value;
    const plain =
      isProtected(value) && pcCodec?.available
        ? pcCodec.decrypt(value.slice(PROTECTED_PREFIX.length))
        : value;
    moved += 1;
    return vault.put(ref, plain);
  });
  return { settings: result, moved };
}

/** The settings with every `vault:` reference replaced by its secret (main process only). */
export function revealVaultRefs<T extends WallSettingsFile>(
  settings: T,
  vault: SecretVault | null,
): { ok: true; settings: T } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const revealed = mapSettingsSecrets(settings, (value, _ref, path) => {
    if (!isVaultRef(value)) return value;
    const plain = vault?.reveal(value) ?? null;
    if (plain === null) {
      errors.push(
        `${path}: the vault on this PC holds no secret "${value}"; enter the password again in the settings screen`,
      );
      return value;
    }
    return plain;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: revealed };
}
