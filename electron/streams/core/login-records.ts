// The refused logins the wall remembers across restarts (the settings store, key
// 'loginBackoff'): server, user, a salted hash of the credentials, and when the next login may
// be tried. Never a password. What the store holds is untrusted: a damaged or hand-edited
// entry is dropped rather than trusted, and a date too far ahead (the PC's clock was stepped
// back) is pulled in to the longest step.

export interface LoginRecord {
  server: string;
  user: string;
  salt: string;
  /** scrypt of the credentials that were refused, with `salt`. */
  hash: string;
  /** Refusals recorded so far (1 after the first). */
  step: number;
  /** Epoch ms of the last refusal. */
  failedAt: number;
  /** Epoch ms before which no login may be tried. */
  nextAllowedAt: number;
}

/** The store slot the gate reads and writes (conf / electron-store key 'loginBackoff'). */
export interface LoginBackoffStore {
  get(): unknown;
  set(value: unknown): void;
}

export const LOGIN_RECORDS_VERSION = 1;
/** A refusal older than this is forgotten: the camera's own lock-out has long expired. */
export const LOGIN_RECORD_KEPT_MS = 7 * 24 * 60 * 60_000;

export function recordKey(server: string, user: string): string {
  return `${server}\u0000${user}`;
}

export function readLoginRecords(raw: unknown, now: number, longestStepMs: number): LoginRecord[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { version, records } = raw as { version?: unknown; records?: unknown };
  if (version !== LOGIN_RECORDS_VERSION || !Array.isArray(records)) return [];
  return records.flatMap((entry: unknown) => {
    const record = asRecord(entry);
    if (!record || now - record.failedAt > LOGIN_RECORD_KEPT_MS) return [];
    return [{ ...record, nextAllowedAt: Math.min(record.nextAllowedAt, now + longestStepMs) }];
  });
}

export function writableLoginRecords(records: Iterable<LoginRecord>): unknown {
  return { version: LOGIN_RECORDS_VERSION, records: [...records] };
}

function asRecord(entry: unknown): LoginRecord | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as Record<string, unknown>;
  const strings = ['server', 'user', 'salt', 'hash'].every((k) => typeof e[k] === 'string');
  const numbers = ['step', 'failedAt', 'nextAllowedAt'].every(
    (k) => typeof e[k] === 'number' && Number.isFinite(e[k]),
  );
  if (!strings || !numbers || (e.step as number) < 1) return null;
  return {
    server: e.server as string,
    user: e.user as string,
    salt: e.salt as string,
    hash: e.hash as string,
    step: Math.floor(e.step as number),
    failedAt: e.failedAt as number,
    nextAllowedAt: e.nextAllowedAt as number,
  };
}
