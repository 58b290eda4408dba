// RTSP authentication: parses WWW-Authenticate challenges and builds Authorization headers.
// Digest (SHA-256, SHA-512-256 and MD5 with their -sess variants, RFC 7616; qop=auth,
// auth-int, or none as in RFC 2069, which GStreamer and Dahua send) is preferred, the
// strongest algorithm the camera offers first; Basic is used only when the server offers
// nothing else, because Basic sends the password in clear text (and over rtsp:// only when
// the configuration allows it, which the connection checks).
import { createHash, randomBytes } from 'node:crypto';

export interface AuthChallenge {
  scheme: string; // lower case: 'digest', 'basic', ...
  params: Record<string, string>; // keys lower case
}

/** Parses one or more WWW-Authenticate header values; never throws. */
export function parseChallenges(values: readonly string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const value of values) {
    let current: AuthChallenge | undefined;
    let i = 0;
    const s = value.slice(0, 8192);
    while (i < s.length) {
      while (i < s.length && (s[i] === ' ' || s[i] === ',' || s[i] === '\t')) i++;
      const tokenStart = i;
      while (i < s.length && /[^\s=,]/.test(s[i]!)) i++;
      const token = s.slice(tokenStart, i);
      if (token === '') {
        i++;
        continue;
      }
      let j = i;
      while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
      if (s[j] === '=') {
        // key=value or key="quoted value" belongs to the current challenge.
        j++;
        while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
        let val = '';
        if (s[j] === '"') {
          j++;
          while (j < s.length && s[j] !== '"') {
            if (s[j] === '\\' && j + 1 < s.length) j++;
            val += s[j];
            j++;
          }
          j++;
        } else {
          const vs = j;
          while (j < s.length && s[j] !== ',') j++;
          val = s.slice(vs, j).trim();
        }
        if (current) current.params[token.toLowerCase()] = val;
        i = j;
      } else {
        // A bare token starts a new challenge ("Digest realm=..., Basic realm=...").
        current = { scheme: token.toLowerCase(), params: {} };
        out.push(current);
        i = j;
      }
    }
  }
  return out;
}

export interface DigestInput {
  username: string;
  password: string;
  realm: string;
  nonce: string;
  method: string;
  uri: string;
  algorithm?: string;
  qop?: 'auth' | 'auth-int';
  nc?: string;
  cnonce?: string;
  body?: string;
}

/** Digest algorithms we speak, strongest first, with the hash each names (RFC 7616 3.3). */
const DIGEST_HASHES: ReadonlyArray<readonly [algorithm: string, hash: string]> = [
  ['sha-512-256', 'sha512-256'],
  ['sha-256', 'sha256'],
  ['md5', 'md5'],
  ['', 'md5'], // no algorithm parameter means MD5 (RFC 2617)
];

function hashOf(algorithm: string | undefined): string | undefined {
  const name = (algorithm ?? '').toLowerCase().replace(/-sess$/, '');
  return DIGEST_HASHES.find(([a]) => a === name)?.[1];
}

/** Preference rank of a Digest challenge's algorithm; -1 when we cannot compute it. */
function digestRank(c: AuthChallenge): number {
  const name = (c.params.algorithm ?? '').toLowerCase().replace(/-sess$/, '');
  const at = DIGEST_HASHES.findIndex(([a]) => a === name);
  return at < 0 ? -1 : DIGEST_HASHES.length - at;
}

/**
 * The Digest "response" value (RFC 7616 section 3.4.1, RFC 2617 section 3.2.2.1, and RFC
 * 2069 without qop), with the hash the algorithm names (MD5 when it names none).
 */
export function digestResponse(d: DigestInput): string {
  const name = hashOf(d.algorithm) ?? 'md5';
  const h = (text: string): string => createHash(name).update(text, 'utf8').digest('hex');
  let ha1 = h(`${d.username}:${d.realm}:${d.password}`);
  if (/-sess$/i.test(d.algorithm ?? '')) {
    ha1 = h(`${ha1}:${d.nonce}:${d.cnonce ?? ''}`);
  }
  const ha2 =
    d.qop === 'auth-int' ? h(`${d.method}:${d.uri}:${h(d.body ?? '')}`) : h(`${d.method}:${d.uri}`);
  if (d.qop === undefined) return h(`${ha1}:${d.nonce}:${ha2}`);
  return h(`${ha1}:${d.nonce}:${d.nc ?? ''}:${d.cnonce ?? ''}:${d.qop}:${ha2}`);
}

/**
 * The challenge we would answer: the strongest usable Digest (a camera may offer one per
 * algorithm, SHA-256 first as RFC 7616 asks, or MD5 first for old clients), else Basic.
 */
export function pickChallenge(challenges: readonly AuthChallenge[]): AuthChallenge | undefined {
  let best: AuthChallenge | undefined;
  for (const c of challenges) {
    if (c.scheme !== 'digest' || c.params.nonce === undefined || digestRank(c) < 0) continue;
    if (!best || digestRank(c) > digestRank(best)) best = c;
  }
  return best ?? challenges.find((c) => c.scheme === 'basic');
}

function quote(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** Chooses a challenge and signs requests with it. */
export class RtspAuthenticator {
  private challenge: AuthChallenge | undefined;
  private nc = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly makeCnonce: () => string = () => randomBytes(8).toString('hex'),
  ) {}

  /**
   * Takes the challenges of a 401. Returns false when none is usable (no Digest with an
   * algorithm we know and no Basic). A new nonce restarts the nonce count.
   */
  accept(challenges: readonly AuthChallenge[]): boolean {
    const chosen = pickChallenge(challenges);
    if (!chosen) return false;
    if (chosen.params.nonce !== this.challenge?.params.nonce) this.nc = 0;
    this.challenge = chosen;
    return true;
  }

  get hasChallenge(): boolean {
    return this.challenge !== undefined;
  }

  get currentNonce(): string | undefined {
    return this.challenge?.params.nonce;
  }

  /** The Authorization header for one request, or undefined before any challenge. */
  header(method: string, uri: string): string | undefined {
    const c = this.challenge;
    if (!c) return undefined;
    if (c.scheme === 'basic') {
      return `Basic ${Buffer.from(`${this.username}:${this.password}`, 'utf8').toString('base64')}`;
    }
    const realm = c.params.realm ?? '';
    const nonce = c.params.nonce ?? '';
    const qops = (c.params.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
    const qop = qops.includes('auth') ? 'auth' : qops.includes('auth-int') ? 'auth-int' : undefined;
    const algorithm = c.params.algorithm;
    const parts = [
      `username=${quote(this.username)}`,
      `realm=${quote(realm)}`,
      `nonce=${quote(nonce)}`,
      `uri=${quote(uri)}`,
    ];
    let nc: string | undefined;
    let cnonce: string | undefined;
    if (qop) {
      this.nc++;
      nc = this.nc.toString(16).padStart(8, '0');
      cnonce = this.makeCnonce();
    }
    const response = digestResponse({
      username: this.username,
      password: this.password,
      realm,
      nonce,
      method,
      uri,
      ...(algorithm ? { algorithm } : {}),
      ...(qop ? { qop, nc, cnonce } : {}),
    });
    parts.push(`response=${quote(response)}`);
    if (algorithm) parts.push(`algorithm=${algorithm}`);
    if (c.params.opaque !== undefined) parts.push(`opaque=${quote(c.params.opaque)}`);
    if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce ?? '')}`);
    return `Digest ${parts.join(', ')}`;
  }
}
