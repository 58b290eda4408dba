// Turns a camera's records into contiguous segments of time, each with the state that held and
// how it counts. Ordering and the 'connecting' grace are decided here, once, for every figure.
import {
  kindOf,
  type CameraRecordState,
  type CameraStateRecord,
  type TimeKind,
} from './availability-model';

export interface Segment {
  start: number;
  end: number;
  state: CameraRecordState;
  kind: TimeKind;
  reason?: string;
}

/**
 * Records in the order they were written, which is the order things happened: the app appends
 * them. Their times come from a clock that NTP or a person may set back, so:
 * - a record earlier than the latest time so far by at most `toleranceMs` keeps its place and
 *   takes that latest time (a small correction must not reorder a 'live' and an 'unreachable');
 * - one earlier by more is dropped and counted: the clock jumped back and that stretch of time
 *   already has a history; following records are kept again once the clock catches up;
 * - records after `now` are dropped (a clock that ran ahead), and times are floored to whole ms.
 */
export function orderRecords(
  records: readonly CameraStateRecord[],
  now: number,
  toleranceMs: number,
): { records: CameraStateRecord[]; ignored: number } {
  const kept: CameraStateRecord[] = [];
  let ignored = 0;
  let latest = -Infinity;
  for (const record of records) {
    const at = Math.floor(record.at);
    if (!Number.isFinite(at) || at > now || at < latest - toleranceMs) {
      ignored++;
      continue;
    }
    latest = Math.max(latest, at);
    kept.push({ ...record, at: latest });
  }
  return { records: kept, ignored };
}

/** Segments from the first record to `now`; ordered records in, no gaps or overlaps out. */
export function buildSegments(
  records: readonly CameraStateRecord[],
  now: number,
  graceMs: number,
): Segment[] {
  const segments: Segment[] = [];
  records.forEach((record, i) => {
    const end = records[i + 1]?.at ?? now;
    if (end <= record.at) return;
    const state = record.state === 'app-started' ? 'connecting' : record.state;
    segments.push({
      start: record.at,
      end,
      state,
      kind: kindOf(state),
      ...(record.reason !== undefined ? { reason: record.reason } : {}),
    });
  });
  forgiveShortConnects(segments, now, graceMs);
  return segments;
}

const isTransparent = (kind: TimeKind) => kind === 'app-off' || kind === 'unknown';

/**
 * A run of 'connecting' shorter than the grace that ends in 'live' is a reconnect, not an
 * outage, unless a failure came before it (then it is the tail of that failure's retries).
 * "Before" looks through app-off and unknown time: live, app restart, short connect, live is a
 * blip. It counts as up, so availability and the outage list agree. A trailing run still under
 * the grace gets the benefit of the doubt until the grace is over.
 */
function forgiveShortConnects(segments: Segment[], now: number, graceMs: number): void {
  let i = 0;
  while (i < segments.length) {
    if (segments[i]!.state !== 'connecting') {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      while (segments[j + 1]?.state === 'connecting') j++;
      // Connecting again after only unknown time (the app's start, then the camera 'unwatched'
      // until its tile opens) is the same connect, judged as one run.
      let t = j + 1;
      while (t < segments.length && segments[t]!.kind === 'unknown') t++;
      if (t === j + 1 || segments[t]?.state !== 'connecting') break;
      j = t;
    }
    const next = segments[j + 1];
    const short = segments[j]!.end - segments[i]!.start < graceMs;
    const endsWell = next ? next.kind === 'up' : segments[j]!.end === now;
    let k = i - 1;
    while (k >= 0 && isTransparent(segments[k]!.kind)) k--;
    const afterFailure = k >= 0 && segments[k]!.kind === 'down';
    if (short && endsWell && !afterFailure) {
      for (let m = i; m <= j; m++) {
        if (segments[m]!.state === 'connecting') segments[m]!.kind = 'up';
      }
    }
    i = j + 1;
  }
}
