// Who logs in where: the key of a camera's login gate. A camera locks out an address after
// failed logins whatever the stream path, so the key is the server (host:port) and the user,
// shared by its main and sub streams and by every channel of an NVR. The credentials stay
// here, in memory: what is persisted is a salted, slow hash, enough to notice that IT changed
// the password (and try the new one at once), useless to read it back.
import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import type { AuthSettings } from '../../settings/settings-model';

export interface LoginIdentity {
  /** host:port as the stream URL names it (default port filled in). */
  readonly server: string;
  readonly user: string;
  /** Keyed hash of the credentials with a per-run key; compared in memory, never stored. */
  readonly digest: string;
  /** Salted scrypt hash of the credentials, as stored beside a refused login. */
  fingerprint(salt: string): string;
}

const DEFAULT_PORTS: Record<string, number> = {
  'rtsp:': 554,
  'rtsps:': 322,
  'http:': 80,
  'https:': 443,
  'ws:': 80,
  'wss:': 443,
};

/** Only this process can recompute a digest: it is a comparison, not a stored secret. */
const RUN_KEY = randomBytes(32);
/**
 * scrypt cost: tens of ms, once per camera and salt (and only for a camera with a refused
 * login on record), while each guess at the stored hash costs a thief as much.
 */
const SCRYPT_COST = { N: 1 << 13, r: 8, p: 1 } as const;

/** The login identity of a stream URL and its settings' auth; undefined for demo clips. */
export function loginIdentity(url: string, auth?: AuthSettings): LoginIdentity | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol.toLowerCase()];
  if (defaultPort === undefined) return undefined;
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  const { user, secret } = credentialsOf(parsed, auth);
  const material = `${user}\u0000${secret}`;
  const fingerprints = new Map<string, string>();
  return {
    server: `${host}:${port}`,
    user,
    digest: createHmac('sha256', RUN_KEY).update(material).digest('hex'),
    fingerprint(salt) {
      let hash = fingerprints.get(salt);
      if (hash === undefined) {
        hash = scryptSync(material, salt, 16, SCRYPT_COST).toString('hex');
        fingerprints.set(salt, hash);
      }
      return hash;
    },
  };
}

function credentialsOf(url: URL, auth: AuthSettings | undefined): { user: string; secret: string } {
  // The settings' credentials win over ones in the URL, as the protocols apply them.
  if (auth?.type === 'password') return { user: auth.username, secret: auth.password };
  if (auth?.type === 'bearer') return { user: '(token)', secret: auth.token };
  if (auth?.type === 'nms-sign') return { user: '(signed URL)', secret: auth.secret };
  return { user: decode(url.username), secret: decode(url.password) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
