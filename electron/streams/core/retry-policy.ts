// How long a session waits before its next connection, by the kind of failure. A network
// failure (nothing answered) is retried fast, capped at 2 s, so a wall is back within about
// 2 s of its server. A server that answers and keeps failing the same way (garbage bytes, a
// stream that ends, 4xx/5xx, a redirect) is up: retrying it every 1.4 s forever only loads it,
// so it backs off to a minute. Refused logins are not timed here: the camera's login gate
// (login-gate.ts) decides, for every stream of that camera at once. Pure: the clock is the
// caller's.
import { ANSWERED_FAILURE_BACKOFF, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { SourceFailureCode } from './source';

export type FailureKind = 'network' | 'answered' | 'login';

/** Continuous video for this long resets the answered-failure backoff (and unstable). */
export const STEADY_VIDEO_MS = 60_000;

export function failureKind(code: SourceFailureCode): FailureKind {
  switch (code) {
    case 'auth-failed':
      return 'login';
    case 'unreachable':
    case 'stalled':
      // Nothing answered, or the path to the server went quiet (half-open TCP).
      return 'network';
    case 'not-found':
    case 'no-media':
    case 'unsupported-codec':
    case 'no-video-track':
    case 'protocol-error':
    case 'ended':
    case 'closed':
      return 'answered';
  }
}

export class RetryPolicy {
  private network = 0;
  private answered = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** The delay before the next attempt after a failure of this kind; each call escalates it. */
  nextDelay(kind: Exclude<FailureKind, 'login'>): number {
    if (kind === 'network') return backoffDelay(DEFAULT_BACKOFF, this.network++, this.random);
    return backoffDelay(ANSWERED_FAILURE_BACKOFF, this.answered++, this.random);
  }

  /** A connection played video for `healthyAfterMs`: the network looks fine again. */
  networkHealthy(): void {
    this.network = 0;
  }

  /** A connection played STEADY_VIDEO_MS without a break: the server behaves again. */
  steady(): void {
    this.network = 0;
    this.answered = 0;
  }
}
