// Turns one segment's bytes back into its snapshot and its records. Pure. A segment is
// readable alone: the header gives the base time, the snapshot every camera's state at the
// segment's start. Damaged frames are skipped (see frame-codec); an event whose camera or
// reason definition was lost with a damaged frame cannot be named and is skipped too.
import { scanFrames } from './frame-codec';
import {
  HEALTH_STATES,
  type CameraState,
  type HealthRecord,
  type HealthState,
} from './health-record';
import { decodePayload, type Payload } from './record-codec';
import { DecodeError } from './varint';

export type SegmentEntry =
  { kind: 'record'; record: HealthRecord } | { kind: 'heartbeat'; at: number };

export interface SegmentContents {
  base: number;
  /** Last sign of life in the previous segment (0 if none): for crash inference. */
  prevLastAt: number;
  /** False if the header or snapshot is incomplete: the segment is unusable. */
  complete: boolean;
  snapshot: CameraState[];
  entries: SegmentEntry[];
  cameraIds: string[];
  reasons: string[];
  /** Time of the last event or heartbeat (or the base if none). */
  lastAt: number;
  goodEnd: number;
  skippedBytes: number;
}

export function replaySegment(bytes: Buffer): SegmentContents {
  const scan = scanFrames(bytes);
  const out: SegmentContents = {
    base: 0,
    prevLastAt: 0,
    complete: false,
    snapshot: [],
    entries: [],
    cameraIds: [],
    reasons: [],
    lastAt: 0,
    goodEnd: scan.goodEnd,
    skippedBytes: scan.skippedBytes,
  };
  let headerSeen = false;
  for (const frame of scan.frames) {
    let p: Payload;
    try {
      p = decodePayload(frame.payload);
    } catch (error) {
      // A frame with a good CRC but a body we cannot read: a newer format; skip it.
      if (error instanceof DecodeError) continue;
      throw error;
    }
    if (p.kind === 'header') {
      if (headerSeen) continue;
      headerSeen = true;
      out.base = p.base;
      out.prevLastAt = p.prevLastAt;
      out.lastAt = p.base;
      continue;
    }
    if (!headerSeen) return out; // nothing is meaningful without the base time
    if (p.kind === 'camera') out.cameraIds[p.index] = p.id;
    else if (p.kind === 'reason') out.reasons[p.index] = p.text;
    else if (p.kind === 'snapshot-end') out.complete = out.snapshot.length === p.count;
    else if (p.kind === 'heartbeat') {
      out.lastAt = out.base + p.dt;
      out.entries.push({ kind: 'heartbeat', at: out.lastAt });
    } else {
      const named = nameEvent(out, p.camera, p.state, p.reason);
      if (!named) continue;
      const at = out.base + p.dt;
      if (p.kind === 'snapshot') out.snapshot.push({ ...named, since: at });
      else {
        out.lastAt = at;
        out.entries.push({ kind: 'record', record: { at, ...named } });
      }
    }
  }
  return out;
}

function nameEvent(
  seg: SegmentContents,
  camera: number,
  stateCode: number,
  reasonRef: number,
): { cameraId: string; state: HealthState; reason?: string } | null {
  const cameraId = seg.cameraIds[camera];
  const state = HEALTH_STATES[stateCode];
  const reason = reasonRef === 0 ? undefined : seg.reasons[reasonRef - 1];
  if (cameraId === undefined || state === undefined) return null;
  if (reasonRef !== 0 && reason === undefined) return null;
  return reason === undefined ? { cameraId, state } : { cameraId, state, reason };
}
