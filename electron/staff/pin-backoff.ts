// How long wrong PINs make the next try wait: 1 s after the first, doubling each time, never
// more than 5 minutes. Pure, so it is tested without a clock; main persists the state so a
// restart does not reset the count.

export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export interface BackoffState {
  failures: number;
  /** Epoch ms before which no try is accepted, or null. */
  retryAt: number | null;
}

export const NO_BACKOFF: BackoffState = { failures: 0, retryAt: null };

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  // 2^(n-1) s, computed without overflowing for large n.
  const exponent = Math.min(failures - 1, 30);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** exponent);
}

export function afterFailure(state: BackoffState, now: number): BackoffState {
  const failures = state.failures + 1;
  return { failures, retryAt: now + delayAfterFailures(failures) };
}

/** Ms still to wait before a try is accepted (0: try now). */
export function waitBeforeTry(state: BackoffState, now: number): number {
  return state.retryAt === null ? 0 : Math.max(0, state.retryAt - now);
}

/** A state read from the store, checked: anything odd counts as no failures. */
export function parseBackoff(value: unknown): BackoffState {
  if (typeof value !== 'object' || value === null) return NO_BACKOFF;
  const { failures, retryAt } = value as Record<string, unknown>;
  const count = typeof failures === 'number' && Number.isInteger(failures) && failures > 0;
  return {
    failures: count ? (failures as number) : 0,
    retryAt: typeof retryAt === 'number' && Number.isFinite(retryAt) ? retryAt : null,
  };
}
