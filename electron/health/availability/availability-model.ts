// The records availability is computed from, and what each state means for it. A camera's
// history is a list of state changes: each state holds from its record until the next one.

import type { HealthState } from '../log/health-record';

/** Every state a camera's history can hold: the health log's own list, one list for both. */
export type CameraRecordState = HealthState;

/** Failure states: the camera should show video and does not. */
export type DownState = Exclude<
  HealthState,
  'live' | 'disabled' | 'outside-hours' | 'app-stopped' | 'app-started' | 'unwatched'
>;

export interface CameraStateRecord {
  /** Epoch ms, from the recording PC's clock (which may be corrected backwards; see ordering). */
  at: number;
  state: CameraRecordState;
  /** Free text for people, e.g. 'connection refused'. */
  reason?: string;
}

/**
 * How a stretch of time counts:
 * - up / down: in the availability ratio;
 * - disabled, app-off, unknown: left out of it, each reported as its own figure. 'unknown' is
 *   time before the first record and time the app recorded 'outside-hours' while the schedule
 *   given here says the centre was open.
 */
export type TimeKind = 'up' | 'down' | 'disabled' | 'app-off' | 'unknown';

export function kindOf(state: CameraRecordState): TimeKind {
  switch (state) {
    case 'live':
      return 'up';
    case 'disabled':
      return 'disabled';
    case 'app-stopped':
      return 'app-off';
    case 'outside-hours':
    case 'unwatched':
      return 'unknown';
    default:
      return 'down';
  }
}

/**
 * Worst first: what needs someone on site or a password changed outranks what a retry may fix,
 * so an outage's headline says what to do about it.
 */
const SEVERITY: readonly DownState[] = [
  'damaged',
  'auth-failed',
  'unreachable',
  'not-found',
  'unsupported-codec',
  'no-media',
  'error',
  'unstable',
  'stale',
  'connecting',
];

export function worseOf(a: DownState, b: DownState): DownState {
  return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
}

export interface AvailabilityOptions {
  /** A 'connecting' shorter than this between live periods is not an outage. Default 30 s. */
  connectingGraceMs?: number;
  /** A record earlier than the one before by up to this is a clock correction. Default 30 s. */
  clockStepBackToleranceMs?: number;
}

export const DEFAULT_CONNECTING_GRACE_MS = 30_000;
export const DEFAULT_CLOCK_STEP_BACK_TOLERANCE_MS = 30_000;
