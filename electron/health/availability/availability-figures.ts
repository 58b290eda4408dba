// The figures one camera's timeline gives over a set of office-hours spans. Shared by the
// range report and the per-day one so that both count a millisecond the same way.
import type { Span } from '../../schedule/office-hours';
import {
  DEFAULT_CLOCK_STEP_BACK_TOLERANCE_MS,
  DEFAULT_CONNECTING_GRACE_MS,
  type AvailabilityOptions,
  type CameraStateRecord,
} from './availability-model';
import { buildSegments, orderRecords, type Segment } from './camera-timeline';

export interface AvailabilityFigures {
  /** Office-hours time in the range (up to now). */
  officeMs: number;
  upMs: number;
  downMs: number;
  disabledMs: number;
  /** The app was not running: neither up nor down. */
  appNotRunningMs: number;
  /** No record says (before the first one, or 'outside-hours' while the schedule says open). */
  unknownMs: number;
  /** upMs + downMs: the office-hours time the camera was expected to show video. */
  countedMs: number;
  /** upMs / countedMs, or null when nothing was counted. */
  availability: number | null;
}

export interface Prepared {
  segments: Segment[];
  ignored: number;
}

export function prepare(
  records: readonly CameraStateRecord[],
  now: number,
  options: AvailabilityOptions,
): Prepared {
  const tolerance = options.clockStepBackToleranceMs ?? DEFAULT_CLOCK_STEP_BACK_TOLERANCE_MS;
  const grace = options.connectingGraceMs ?? DEFAULT_CONNECTING_GRACE_MS;
  const ordered = orderRecords(records, now, tolerance);
  return { segments: buildSegments(ordered.records, now, grace), ignored: ordered.ignored };
}

/** Length of [start, end) ∩ the union of sorted disjoint spans. */
export function overlap(start: number, end: number, spans: readonly Span[]): number {
  let sum = 0;
  for (const [s, e] of spans) {
    if (s >= end) break;
    const lo = Math.max(s, start);
    const hi = Math.min(e, end);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

export function tally(segments: readonly Segment[], office: readonly Span[]): AvailabilityFigures {
  const by = { up: 0, down: 0, disabled: 0, 'app-off': 0, unknown: 0 };
  const officeMs = office.reduce((sum, [s, e]) => sum + e - s, 0);
  for (const segment of segments) by[segment.kind] += overlap(segment.start, segment.end, office);
  // Whatever no segment covers is before the first record.
  const covered = by.up + by.down + by.disabled + by['app-off'] + by.unknown;
  const countedMs = by.up + by.down;
  return {
    officeMs,
    upMs: by.up,
    downMs: by.down,
    disabledMs: by.disabled,
    appNotRunningMs: by['app-off'],
    unknownMs: by.unknown + officeMs - covered,
    countedMs,
    availability: countedMs > 0 ? by.up / countedMs : null,
  };
}
