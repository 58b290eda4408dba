// Reconnect delays: exponential with full jitter, so that many tiles that lost the same
// server do not all come back in the same millisecond. Auth failures wait far longer,
// because cameras (Hikvision) lock a client IP for about 30 minutes after repeated failed logins.

export interface BackoffPolicy {
  /** First delay in ms. */
  initialMs: number;
  /** Ceiling in ms. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Fraction of the delay that is randomised (0 = none, 1 = full jitter). */
  jitter: number;
}

/**
 * After a network failure. Capped at 2 s: a refused TCP connection costs the server next to
 * nothing, and a wall should be back within about 2 s of its gateway or camera (the
 * benchmark's recovery target). Half the delay is jitter, so a wall's tiles (and many walls)
 * do not all come back in the same instant.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 500,
  maxMs: 2_000,
  factor: 1.8,
  jitter: 0.5,
};

/** After a refused login: never faster than every 5 minutes. */
export const AUTH_FAILURE_BACKOFF: BackoffPolicy = {
  initialMs: 5 * 60_000,
  maxMs: 30 * 60_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * Delay before retry number `attempt` (0-based). `random` is injectable for tests.
 * The result lies in [base * (1 - jitter), base], with base = min(max, initial * factor^attempt).
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const safeAttempt = Math.max(0, Math.min(attempt, 30));
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** safeAttempt);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(base * (1 - jitter * random()));
}
