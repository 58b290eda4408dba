// How long a session waits before it calls a stream silent, stalled, unwatched or healthy.
// Apart from the session so the services and tests can tune them without importing it.

export interface SessionTimings {
  /** Connected but no video within this long: "no media" (an empty 200, a refused NMS play). */
  noMediaTimeoutMs: number;
  /** Video stopped for this long: "stalled" (also catches half-open TCP). */
  stallTimeoutMs: number;
  /** Keep the upstream this long after the last viewer leaves. */
  lingerMs: number;
  /** A connection that was live this long resets the backoff. */
  healthyAfterMs: number;
}

export const DEFAULT_TIMINGS: SessionTimings = {
  noMediaTimeoutMs: 8_000,
  stallTimeoutMs: 5_000,
  lingerMs: 10_000,
  healthyAfterMs: 10_000,
};
