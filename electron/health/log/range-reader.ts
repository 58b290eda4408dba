// Replays segments (oldest first) into what a report needs for [from, to): each camera's state
// at `from` and every record inside the range. Pure.
//
// Crash inference: a clean close logs 'app-stopped'. If an 'app-started' follows another
// 'app-started' with no stop between, the app died (crash, power cut, killed); the reader
// inserts an 'app-stopped' marked `inferred` at the last sign of life: the last record or
// heartbeat before the restart. Heartbeats bound how much running time a crash can overstate.
import {
  APP_ID,
  INFERRED_STOP_REASON,
  stateOf,
  type CameraState,
  type ReadRecord,
} from './health-record';
import type { SegmentContents } from './segment-replay';

export interface HealthReadResult {
  from: number;
  to: number;
  /** Every camera's state at `from` (a camera first seen after `from` is absent). */
  initial: CameraState[];
  /** Whether the app was running at `from`. */
  appRunningAtFrom: boolean;
  /** Records with from <= at < to, in the order written; app records have cameraId APP_ID. */
  records: ReadRecord[];
}

export function readRange(segments: SegmentContents[], from: number, to: number) {
  const result: HealthReadResult = {
    from,
    to,
    initial: [],
    appRunningAtFrom: false,
    records: [],
  };
  const atFrom = new Map<string, CameraState>();
  let running = false;
  let lastSeen = 0;

  const apply = (record: ReadRecord) => {
    const isApp = record.cameraId === APP_ID;
    if (isApp) running = record.state === 'app-started';
    if (record.at >= from) {
      if (record.at < to) result.records.push(record);
      return;
    }
    if (isApp) result.appRunningAtFrom = running;
    else atFrom.set(record.cameraId, stateOf(record));
  };

  segments.forEach((seg, i) => {
    if (i === 0) {
      lastSeen = seg.prevLastAt;
      for (const s of seg.snapshot) {
        if (s.cameraId === APP_ID) running = s.state === 'app-started';
        else atFrom.set(s.cameraId, s);
      }
      result.appRunningAtFrom = running;
    }
    for (const entry of seg.entries) {
      if (entry.kind === 'heartbeat') {
        lastSeen = entry.at;
        continue;
      }
      const { record } = entry;
      if (record.state === 'app-started' && running && lastSeen > 0) {
        apply({
          at: lastSeen,
          cameraId: APP_ID,
          state: 'app-stopped',
          reason: INFERRED_STOP_REASON,
          inferred: true,
        });
      }
      apply(record);
      lastSeen = record.at;
    }
  });
  result.initial = [...atFrom.values()];
  return result;
}
