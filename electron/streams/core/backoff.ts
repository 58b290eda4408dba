// Reconnect delays: exponential with jitter, so that many tiles that lost the same server do
// not all come back in the same millisecond. Which policy applies depends on how the attempt
// failed (retry-policy.ts); refused logins wait far longer, through the camera's login gate
// (login-gate.ts), because cameras (Hikvision) lock a client IP for about 30 minutes after
// 5–7 failed logins.

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

/**
 * After a server that answered and failed (malformed data, a stream that ended, HTTP or RTSP
 * 4xx/5xx, a redirect it cannot follow): 1, 2, 4 … 60 s. Such a server is up, so hammering it
 * every 1.4 s only loads it (and its log); the first retry stays quick for a one-off drop.
 */
export const ANSWERED_FAILURE_BACKOFF: BackoffPolicy = {
  initialMs: 1_000,
  maxMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * After a refused login, per camera and user (login-gate.ts): 5, 10, 20, then every 30
 * minutes. No jitter: jitter only ever shortens a delay, and these are lock-out floors.
 */
export const AUTH_FAILURE_BACKOFF: BackoffPolicy = {
  initialMs: 5 * 60_000,
  maxMs: 30 * 60_000,
  factor: 2,
  jitter: 0,
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
