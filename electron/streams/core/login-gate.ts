// Lock-out safety as a property of the camera, not of a stream session. A Hikvision camera
// locks the PC's address for about 30 minutes after 5–7 failed logins, counting every stream
// and every tile. So one gate, shared by the whole wall, decides per (server, user) when a
// login may be tried: after a refusal, not before 5, 10, 20, then 30 minutes, whatever the
// layout, a maximised tile or a restart does (the refusals are persisted). And only one login
// is in flight while it is not known to work, so main and sub (or sixteen NVR channels) do not
// each spend a failed login on the same wrong password. A success clears it; changed
// credentials are tried at once.
import { AUTH_FAILURE_BACKOFF, backoffDelay } from './backoff';
import type { LoginIdentity } from './login-identity';
import {
  readLoginRecords,
  recordKey,
  writableLoginRecords,
  type LoginBackoffStore,
  type LoginRecord,
} from './login-records';
import { randomBytes } from 'node:crypto';

/** Wait after refusal number `step + 1`: 5, 10, 20, then 30 minutes. */
export function loginRetryDelayMs(step: number): number {
  return backoffDelay(AUTH_FAILURE_BACKOFF, step, () => 0);
}

/** One login attempt the gate let through; the first of accepted/refused/release counts. */
export interface LoginTurn {
  /** Media arrived, so the server accepted the login. */
  accepted(): void;
  /** The server refused the login; returns when the next one may be tried. */
  refused(): number;
  /** The attempt ended without saying anything about the login (unreachable, closed). */
  release(): void;
}

export type LoginAdmission =
  | { go: true; turn: LoginTurn }
  /** retryAt null: another stream of this camera is logging in; wait for its answer. */
  | { go: false; retryAt: number | null; refused: boolean };

export interface LoginGateOptions {
  store?: LoginBackoffStore | null;
  now?: () => number;
  log?: (line: string) => void;
}

export class LoginGate {
  private readonly records = new Map<string, LoginRecord>();
  /** Credentials (by in-memory digest) that have logged in during this run. */
  private readonly verified = new Set<string>();
  /** Keys with an exclusive login in flight. */
  private readonly busy = new Set<string>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly now: () => number;

  constructor(private readonly options: LoginGateOptions = {}) {
    this.now = options.now ?? Date.now;
    let raw: unknown;
    try {
      raw = options.store?.get();
    } catch {
      raw = undefined;
    }
    for (const record of readLoginRecords(raw, this.now(), loginRetryDelayMs(Infinity))) {
      this.records.set(recordKey(record.server, record.user), record);
    }
  }

  admit(identity: LoginIdentity): LoginAdmission {
    const key = recordKey(identity.server, identity.user);
    const record = this.currentRecord(identity);
    const now = this.now();
    if (record && now < record.nextAllowedAt) {
      return { go: false, retryAt: record.nextAllowedAt, refused: true };
    }
    // Credentials that worked in this run may log in side by side (a network blip brings all
    // of an NVR's channels back at once); unknown or refused ones go one at a time.
    const trusted = !record && this.verified.has(`${key}\u0000${identity.digest}`);
    if (!trusted && this.busy.has(key)) return { go: false, retryAt: null, refused: !!record };
    if (!trusted) this.busy.add(key);
    return { go: true, turn: this.turn(identity, key, now, !trusted) };
  }

  /** When the next login of `identity` may be tried, or null when it may be tried now. */
  retryAt(identity: LoginIdentity): number | null {
    const record = this.currentRecord(identity);
    return record && this.now() < record.nextAllowedAt ? record.nextAllowedAt : null;
  }

  /** Calls `listener` whenever a login of `identity`'s key settles (turn over, result known). */
  onChange(identity: LoginIdentity, listener: () => void): () => void {
    const key = recordKey(identity.server, identity.user);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  private turn(identity: LoginIdentity, key: string, startedAt: number, exclusive: boolean) {
    let open = true;
    const settle = () => {
      const wasOpen = open;
      open = false;
      if (wasOpen && exclusive) this.busy.delete(key);
      return wasOpen;
    };
    return {
      accepted: () => {
        if (!settle()) return;
        this.verified.add(`${key}\u0000${identity.digest}`);
        if (this.records.delete(key)) this.persist();
        this.notify(key);
      },
      refused: () => {
        // Also after accepted(): a camera can refuse a later request on the same connection.
        settle();
        const retryAt = this.recordRefusal(identity, key, startedAt);
        this.notify(key);
        return retryAt;
      },
      release: () => {
        if (settle()) this.notify(key);
      },
    };
  }

  private recordRefusal(identity: LoginIdentity, key: string, startedAt: number): number {
    this.verified.delete(`${key}\u0000${identity.digest}`);
    const previous = this.currentRecord(identity);
    // Logins started side by side before the first refusal share its step.
    if (previous && previous.failedAt >= startedAt) return previous.nextAllowedAt;
    const now = this.now();
    const step = previous?.step ?? 0;
    const salt = previous?.salt ?? randomBytes(16).toString('hex');
    const nextAllowedAt = now + loginRetryDelayMs(step);
    this.records.set(key, {
      server: identity.server,
      user: identity.user,
      salt,
      hash: identity.fingerprint(salt),
      step: step + 1,
      failedAt: now,
      nextAllowedAt,
    });
    this.persist();
    return nextAllowedAt;
  }

  /** The record of a refused login for these very credentials; changed ones drop it. */
  private currentRecord(identity: LoginIdentity): LoginRecord | undefined {
    const key = recordKey(identity.server, identity.user);
    const record = this.records.get(key);
    if (!record || identity.fingerprint(record.salt) === record.hash) return record;
    this.records.delete(key);
    this.persist();
    this.options.log?.(
      `login: the credentials for ${identity.user || '(no user)'}@${identity.server} changed since the last refused login; trying them now`,
    );
    return undefined;
  }

  private persist(): void {
    try {
      this.options.store?.set(writableLoginRecords(this.records.values()));
    } catch (error) {
      // The gate still holds in memory; only a restart would forget it.
      this.options.log?.(`login: could not save the login back-off (${String(error)})`);
    }
  }

  private notify(key: string): void {
    const set = this.listeners.get(key);
    if (!set) return;
    for (const listener of [...set]) if (set.has(listener)) listener();
  }
}
