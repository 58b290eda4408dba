import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  delayAfterFailures,
  MAX_DELAY_MS,
  NO_BACKOFF,
  parseBackoff,
  waitBeforeTry,
} from '../../../electron/staff/pin-backoff';
import { StaffLock, type StaffRecord } from '../../../electron/staff/staff-lock';
import { hashPin, verifyPin } from '../../../electron/staff/pin-hash';

describe('PIN backoff', () => {
  it('waits 1 s, 2 s, 4 s … and never more than 5 minutes', () => {
    expect([0, 1, 2, 3, 4].map(delayAfterFailures)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(delayAfterFailures(9)).toBe(256_000);
    expect(delayAfterFailures(10)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(10_000)).toBe(MAX_DELAY_MS);
  });

  it('counts failures and says how long to wait from a given time', () => {
    const one = afterFailure(NO_BACKOFF, 1_000);
    expect(one).toEqual({ failures: 1, retryAt: 2_000 });
    const two = afterFailure(one, 2_000);
    expect(two).toEqual({ failures: 2, retryAt: 4_000 });
    expect(waitBeforeTry(two, 3_000)).toBe(1_000);
    expect(waitBeforeTry(two, 5_000)).toBe(0);
  });

  it('reads a damaged stored state as no failures', () => {
    expect(parseBackoff({ failures: -1, retryAt: 'x' })).toEqual(NO_BACKOFF);
    expect(parseBackoff(null)).toEqual(NO_BACKOFF);
    expect(parseBackoff({ failures: 3, retryAt: 9 })).toEqual({ failures: 3, retryAt: 9 });
  });
});

describe('the staff lock', () => {
  it('hashes with a random salt and verifies', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).not.toBe(b);
    await expect(verifyPin('2468', a)).resolves.toBe(true);
    await expect(verifyPin('2469', a)).resolves.toBe(false);
    await expect(verifyPin('2468', 'plain')).resolves.toBe(false);
  });

  it('slows wrong PINs, keeps the count in the store, and unlocks for 10 minutes of activity', async () => {
    let now = 1_000_000;
    let record: StaffRecord = {};
    const lines: string[] = [];
    const store = { read: () => record, write: (r: StaffRecord) => void (record = r) };
    const lock = new StaffLock(
      store,
      (l) => lines.push(l),
      () => now,
    );
    await lock.setPin('2468');
    lock.lock();
    expect(lock.isUnlocked()).toBe(false);
    expect(await lock.unlock('0000')).toMatchObject({ ok: false });
    expect(record).toMatchObject({ failures: 1, retryAt: now + 1000 });
    expect(await lock.unlock('2468')).toMatchObject({ ok: false, error: /wait 1 s/ });
    now += 1000;
    expect(await lock.unlock('1111')).toMatchObject({ ok: false });
    expect(record).toMatchObject({ failures: 2, retryAt: now + 2000 });
    // A restart reads the same count.
    const again = new StaffLock(
      store,
      () => {},
      () => now,
    );
    expect(again.status()).toMatchObject({ failures: 2, retryAt: now + 2000 });
    now += 2000;
    expect(await lock.unlock('2468')).toMatchObject({ ok: true });
    expect(record).toMatchObject({ failures: 0, retryAt: null });
    now += 9 * 60_000;
    lock.touch();
    now += 9 * 60_000;
    expect(lock.isUnlocked()).toBe(true);
    now += 2 * 60_000;
    expect(lock.isUnlocked()).toBe(false);
    expect(lines.filter((l) => l.includes('wrong PIN'))).toHaveLength(2);
  });

  it('changes the PIN only while unlocked', async () => {
    let record: StaffRecord = {};
    const store = { read: () => record, write: (r: StaffRecord) => void (record = r) };
    const lock = new StaffLock(store, () => {});
    await lock.setPin('2468');
    lock.lock();
    expect(await lock.setPin('1357')).toMatchObject({ ok: false });
    expect(await lock.setPin('12a4')).toMatchObject({ ok: false });
  });
});
