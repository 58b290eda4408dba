// Secrets travel in a bundle only encrypted for the fleet: AES-256-GCM with a 32-byte fleet key
// that IT gives each PC once. The bundle is public-ish (a web server, a USB stick); the
// signature proves who made it, the fleet key keeps camera passwords out of it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fromBase64urlStrict, toBase64url } from './canonical-json';

export const FLEET_SECRET_PREFIX = 'fleet:v1:';
/** The fields of an `auth` object that hold a secret (see the settings model). */
export const SECRET_FIELDS = ['password', 'token', 'secret'] as const;
// Binds ciphertexts to this use, so a value encrypted with the same key for something else
// does not decrypt here.
const AAD = Buffer.from('one-stop-wall-fleet-secret-v1', 'utf8');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isFleetEncrypted = (value: string): boolean => value.startsWith(FLEET_SECRET_PREFIX);

/** Reads a fleet key file: 32 raw bytes, or their base64url/base64 text (what keygen writes). */
export function parseFleetKey(content: Buffer | string): Buffer {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (raw.length === 32 && typeof content !== 'string') return Buffer.from(raw);
  const text = raw.toString('utf8').trim();
  const decoded = Buffer.from(
    text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    'base64url',
  );
  if (decoded.length !== 32) {
    throw new Error('the fleet key must be 32 bytes (the fleet.key file that keygen wrote)');
  }
  return decoded;
}

export function encryptSecret(plain: string, fleetKey: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', fleetKey, iv);
  cipher.setAAD(AAD);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return FLEET_SECRET_PREFIX + toBase64url(Buffer.concat([iv, ct, cipher.getAuthTag()]));
}

/** Throws when the value is damaged or was encrypted with another fleet key. */
export function decryptSecret(value: string, fleetKey: Buffer): string {
  if (!isFleetEncrypted(value)) throw new Error('not a fleet-encrypted value');
  const bytes = fromBase64urlStrict(value.slice(FLEET_SECRET_PREFIX.length));
  if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) throw new Error('damaged fleet secret');
  const decipher = createDecipheriv('aes-256-gcm', fleetKey, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(AAD);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
  return Buffer.concat([plain, decipher.final()]).toString('utf8');
}

type Mapper = (value: string, path: string) => string;

/** Copies a JSON tree, passing every string under a secret field name through `map`. */
export function mapSecrets(tree: unknown, map: Mapper, path = ''): unknown {
  if (Array.isArray(tree)) return tree.map((v, i) => mapSecrets(v, map, `${path}[${i}]`));
  if (typeof tree !== 'object' || tree === null) return tree;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const where = path ? `${path}.${key}` : key;
    const isSecret = (SECRET_FIELDS as readonly string[]).includes(key);
    out[key] =
      isSecret && typeof value === 'string' ? map(value, where) : mapSecrets(value, map, where);
  }
  return out;
}

/** Paths of secrets that are not fleet-encrypted, and of URLs carrying a password. */
export function findClearSecrets(tree: unknown): string[] {
  const found: string[] = [];
  mapSecrets(tree, (value, path) => {
    if (!isFleetEncrypted(value)) found.push(path);
    return value;
  });
  walkStrings(tree, '', (value, path) => {
    if (path.endsWith('.url') && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:[^/?#]*@/i.test(value)) {
      found.push(path);
    }
  });
  return found;
}

function walkStrings(tree: unknown, path: string, visit: (v: string, p: string) => void): void {
  if (typeof tree === 'string') return visit(tree, path);
  if (Array.isArray(tree)) return tree.forEach((v, i) => walkStrings(v, `${path}[${i}]`, visit));
  if (typeof tree === 'object' && tree !== null) {
    for (const [k, v] of Object.entries(tree)) walkStrings(v, path ? `${path}.${k}` : k, visit);
  }
}

/** Encrypts every clear secret; values already encrypted for the fleet are kept as they are. */
export function encryptConfigSecrets<T>(tree: T, fleetKey: Buffer): T {
  return mapSecrets(tree, (v) => (isFleetEncrypted(v) ? v : encryptSecret(v, fleetKey))) as T;
}

export type DecryptResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Decrypts every fleet secret; refuses a clear one (the signer should never have let it in). */
export function decryptConfigSecrets<T>(tree: T, fleetKey: Buffer): DecryptResult<T> {
  let failure: string | null = null;
  const value = mapSecrets(tree, (v, path) => {
    if (failure) return v;
    if (!isFleetEncrypted(v)) {
      failure = `The bundle holds a secret in clear at ${path}. Ask IT to sign it again with the wall-provision tool, which encrypts secrets for the fleet.`;
      return v;
    }
    try {
      return decryptSecret(v, fleetKey);
    } catch {
      failure = `This PC's fleet key cannot open the secret at ${path}: the bundle was made for another fleet key. Give this PC the fleet key of the fleet that signs the bundles (fleet.key), or ask IT to sign the bundle with this fleet's key.`;
      return v;
    }
  }) as T;
  return failure ? { ok: false, message: failure } : { ok: true, value };
}
