// Availability of one camera during office hours: how much of the time it should have shown
// video it did, which outages it had, and whether it is down now. All sums are whole ms; the
// one division is the ratio at the end.
import { openSpans, type Span } from '../../schedule/office-hours';
import type { OfficeSchedule } from '../../schedule/schedule-model';
import {
  worseOf,
  type AvailabilityOptions,
  type CameraRecordState,
  type CameraStateRecord,
  type DownState,
} from './availability-model';
import type { Segment } from './camera-timeline';
import { overlap, prepare, tally, type AvailabilityFigures } from './availability-figures';

export type { AvailabilityFigures };

export interface Outage {
  /** When the camera stopped being live (may be before the range or outside office hours). */
  start: number;
  /** When it was next seen live or was disabled; null while ongoing. */
  end: number | null;
  /** Down time within office hours and the range; app-off time inside the outage is not in it. */
  officeMs: number;
  worstState: DownState;
  /** The reason recorded with the first record of the worst state, if any. */
  reason?: string;
}

export interface CameraAvailabilityReport {
  from: number;
  /** min(to, now): the future has no history. */
  to: number;
  figures: AvailabilityFigures;
  /** Outages with office-hours down time in the range, oldest first. */
  outages: Outage[];
  /** The outage going on at `now`, even outside office hours; null when not down. */
  currentOutage: Outage | null;
  /** The state at `now` (null before any record). */
  currentState: CameraRecordState | null;
  /** Office-hours spans in the range during which the camera was down (for centre totals). */
  downSpans: Span[];
  /** Records dropped by the ordering rules (clock set back, or times after now). */
  ignoredRecords: number;
}

/**
 * Outages: a run of down time starts at a down segment and lasts until the camera is seen live
 * or is disabled. Closed hours, app-off and unknown time neither end nor split it (the camera
 * was not seen working), but only its office-hours down time counts.
 */
function outagesOf(segments: readonly Segment[], office: readonly Span[]): Outage[] {
  const outages: Outage[] = [];
  let current: Outage | null = null;
  for (const segment of segments) {
    if (segment.kind === 'down') {
      const state = segment.state as DownState;
      if (!current) {
        current = { start: segment.start, end: null, officeMs: 0, worstState: state };
        if (segment.reason) current.reason = segment.reason;
        outages.push(current);
      } else if (worseOf(state, current.worstState) !== current.worstState) {
        current.worstState = state;
        if (segment.reason) current.reason = segment.reason;
        else delete current.reason;
      } else if (state === current.worstState && !current.reason && segment.reason) {
        current.reason = segment.reason;
      }
      current.officeMs += overlap(segment.start, segment.end, office);
    } else if (segment.kind === 'up' || segment.kind === 'disabled') {
      if (current) current.end = segment.start;
      current = null;
    }
  }
  return outages;
}

function downSpansOf(segments: readonly Segment[], office: readonly Span[]): Span[] {
  const spans: [number, number][] = [];
  for (const segment of segments) {
    if (segment.kind !== 'down') continue;
    for (const [s, e] of office) {
      const lo = Math.max(s, segment.start);
      const hi = Math.min(e, segment.end);
      if (hi <= lo) continue;
      const last = spans[spans.length - 1];
      if (last && last[1] === lo) last[1] = hi;
      else spans.push([lo, hi]);
    }
  }
  return spans;
}

export function cameraAvailability(
  records: readonly CameraStateRecord[],
  schedule: OfficeSchedule,
  range: { from: number; to: number },
  now: number,
  options: AvailabilityOptions = {},
): CameraAvailabilityReport {
  const { segments, ignored } = prepare(records, now, options);
  const to = Math.max(range.from, Math.min(range.to, now));
  const office = openSpans(schedule, range.from, to);
  const outages = outagesOf(segments, office);
  const last = outages[outages.length - 1];
  return {
    from: range.from,
    to,
    figures: tally(segments, office),
    outages: outages.filter((o) => o.officeMs > 0),
    currentOutage: last && last.end === null ? last : null,
    currentState: segments[segments.length - 1]?.state ?? null,
    downSpans: downSpansOf(segments, office),
    ignoredRecords: ignored,
  };
}
