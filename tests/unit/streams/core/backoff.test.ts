import { describe, expect, it } from 'vitest';
import {
  AUTH_FAILURE_BACKOFF,
  DEFAULT_BACKOFF,
  backoffDelay,
  type BackoffPolicy,
} from '../../../../electron/streams/core/backoff';

const noJitter: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0 };

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(noJitter, attempt));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('stays at the ceiling for absurd attempt numbers (no Infinity, no NaN)', () => {
    expect(backoffDelay(noJitter, 10_000)).toBe(30_000);
    expect(backoffDelay(noJitter, Number.MAX_SAFE_INTEGER)).toBe(30_000);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(noJitter, -3)).toBe(1_000);
  });

  it('keeps jitter inside [base * (1 - jitter), base]', () => {
    const halfJitter: BackoffPolicy = { ...noJitter, jitter: 0.5 };
    expect(backoffDelay(halfJitter, 2, () => 0)).toBe(4_000);
    expect(backoffDelay(halfJitter, 2, () => 0.999_999)).toBe(2_000);
    for (let i = 0; i < 100; i += 1) {
      const delay = backoffDelay(halfJitter, 3);
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });

  it('brings a wall back within about 2 s of its server: network retries never wait longer', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      expect(backoffDelay(DEFAULT_BACKOFF, attempt)).toBeLessThanOrEqual(2_000);
    }
    expect(backoffDelay(DEFAULT_BACKOFF, 0, () => 1)).toBeGreaterThanOrEqual(250);
  });

  it('clamps a jitter fraction outside 0..1', () => {
    expect(backoffDelay({ ...noJitter, jitter: 5 }, 0, () => 0.5)).toBe(500);
    expect(backoffDelay({ ...noJitter, jitter: -1 }, 0, () => 0.5)).toBe(1_000);
  });

  it('never retries a refused login sooner than 4 minutes, even with the worst jitter', () => {
    expect(backoffDelay(AUTH_FAILURE_BACKOFF, 0, () => 1)).toBeGreaterThanOrEqual(4 * 60_000);
    expect(backoffDelay(AUTH_FAILURE_BACKOFF, 50, () => 0)).toBe(30 * 60_000);
  });
});
