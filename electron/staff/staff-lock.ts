// The staff lock in main: the PIN set on first use, unlocking for 10 minutes of activity, and
// wrong tries slowed down (pin-backoff.ts) with the count kept across restarts. The wall keeps
// playing throughout: nothing here touches streams.
import { PIN_PATTERN, UNLOCK_IDLE_MS, type StaffStatus } from '../contract/staff-status';
import {
  afterFailure,
  NO_BACKOFF,
  parseBackoff,
  waitBeforeTry,
  type BackoffState,
} from './pin-backoff';
import { hashPin, verifyPin } from './pin-hash';

/** What is persisted: the hash and the backoff, never the PIN. */
export interface StaffRecord {
  pinHash?: string;
  failures?: number;
  retryAt?: number | null;
}

export interface StaffStore {
  read(): StaffRecord;
  write(record: StaffRecord): void;
}

type Answer = { ok: true; value: StaffStatus } | { ok: false; error: string };

export class StaffLock {
  private unlockedUntil: number | null = null;
  private checking = false;

  constructor(
    private readonly store: StaffStore,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  status(): StaffStatus {
    const record = this.store.read();
    const backoff = parseBackoff(record);
    return {
      pinSet: typeof record.pinHash === 'string',
      unlockedUntil: this.isUnlocked() ? this.unlockedUntil : null,
      retryAt: waitBeforeTry(backoff, this.now()) > 0 ? backoff.retryAt : null,
      failures: backoff.failures,
    };
  }

  isUnlocked(): boolean {
    return this.unlockedUntil !== null && this.unlockedUntil > this.now();
  }

  /** Staff activity keeps an unlock alive for another 10 minutes. */
  touch(): void {
    if (this.isUnlocked()) this.unlockedUntil = this.now() + UNLOCK_IDLE_MS;
  }

  /** Sets the PIN: allowed when none is set yet (first use) or while unlocked (a change). */
  async setPin(pin: unknown): Promise<Answer> {
    if (typeof pin !== 'string' || !PIN_PATTERN.test(pin)) {
      return { ok: false, error: 'The PIN must be 4 to 12 digits.' };
    }
    const record = this.store.read();
    if (typeof record.pinHash === 'string' && !this.isUnlocked()) {
      return { ok: false, error: 'Unlock with the current PIN before changing it.' };
    }
    this.store.write({ pinHash: await hashPin(pin), failures: 0, retryAt: null });
    this.unlockedUntil = this.now() + UNLOCK_IDLE_MS;
    this.log('staff: PIN set');
    return { ok: true, value: this.status() };
  }

  async unlock(pin: unknown): Promise<Answer> {
    const record = this.store.read();
    if (typeof record.pinHash !== 'string') return { ok: false, error: 'No PIN is set yet.' };
    const backoff = parseBackoff(record);
    const wait = waitBeforeTry(backoff, this.now());
    if (wait > 0 || this.checking) {
      return { ok: false, error: `Too many wrong PINs: wait ${Math.ceil(wait / 1000)} s.` };
    }
    this.checking = true;
    try {
      const right = typeof pin === 'string' && (await verifyPin(pin, record.pinHash));
      if (!right) return this.wrong(record, backoff);
      this.store.write({ pinHash: record.pinHash, ...NO_BACKOFF });
      this.unlockedUntil = this.now() + UNLOCK_IDLE_MS;
      this.log('staff: unlocked');
      return { ok: true, value: this.status() };
    } finally {
      this.checking = false;
    }
  }

  lock(): StaffStatus {
    this.unlockedUntil = null;
    return this.status();
  }

  /** Forgets the PIN (the --reset-pin command on the PC itself). */
  reset(): void {
    this.store.write({});
    this.unlockedUntil = null;
    this.log('staff: PIN reset from the command line; the next staff action sets a new one');
  }

  private wrong(record: StaffRecord, backoff: BackoffState): Answer {
    const next = afterFailure(backoff, this.now());
    this.store.write({ pinHash: record.pinHash, ...next });
    const seconds = Math.ceil(((next.retryAt ?? 0) - this.now()) / 1000);
    this.log(`staff: wrong PIN (${next.failures} in a row); next try in ${seconds} s`);
    return { ok: false, error: `Wrong PIN. Try again in ${seconds} s.` };
  }
}
