// The payloads inside frames. A segment is: header, camera/reason definitions as needed, a
// snapshot of every camera's state (ended by 'snapshot-end'), then events and heartbeats.
// Compactness comes from interning: a camera id or reason text is written once per segment
// ('camera'/'reason' frames) and events refer to it by a small index; times are stored as
// milliseconds from the segment's base time, so every event frame stands alone (a lost frame
// does not shift the times of the frames after it, as chained deltas would). Pure.
import { Cursor, DecodeError, pushSigned, pushVarint } from './varint';

export const FORMAT_VERSION = 1;

export type Payload =
  | { kind: 'header'; version: number; base: number; prevLastAt: number }
  | { kind: 'camera'; index: number; id: string }
  | { kind: 'reason'; index: number; text: string }
  | { kind: 'event' | 'snapshot'; dt: number; camera: number; state: number; reason: number }
  | { kind: 'snapshot-end'; count: number }
  | { kind: 'heartbeat'; dt: number };

// Tag bytes on disk; never renumber.
const TAGS = {
  header: 1,
  camera: 2,
  reason: 3,
  event: 4,
  snapshot: 5,
  'snapshot-end': 6,
  heartbeat: 7,
} as const;

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** `reason` is 0 for none, else the reason's index + 1; `dt` may be negative (clock set back). */
export function encodePayload(p: Payload): Buffer {
  const out: number[] = [TAGS[p.kind]];
  switch (p.kind) {
    case 'header':
      pushVarint(out, p.version);
      pushVarint(out, p.base);
      pushVarint(out, p.prevLastAt);
      break;
    case 'camera':
    case 'reason':
      pushVarint(out, p.index);
      return Buffer.concat([Buffer.from(out), utf8(p.kind === 'camera' ? p.id : p.text)]);
    case 'event':
    case 'snapshot':
      pushSigned(out, p.dt);
      pushVarint(out, p.camera);
      out.push(p.state);
      pushVarint(out, p.reason);
      break;
    case 'snapshot-end':
      pushVarint(out, p.count);
      break;
    case 'heartbeat':
      pushSigned(out, p.dt);
      break;
  }
  return Buffer.from(out);
}

/** Throws DecodeError for an unknown tag or a malformed body. */
export function decodePayload(bytes: Uint8Array): Payload {
  const c = new Cursor(bytes);
  const tag = c.byte();
  let p: Payload;
  switch (tag) {
    case TAGS.header:
      p = { kind: 'header', version: c.varint(), base: c.varint(), prevLastAt: c.varint() };
      break;
    case TAGS.camera:
      return { kind: 'camera', index: c.varint(), id: c.rest() };
    case TAGS.reason:
      return { kind: 'reason', index: c.varint(), text: c.rest() };
    case TAGS.event:
    case TAGS.snapshot:
      p = {
        kind: tag === TAGS.event ? 'event' : 'snapshot',
        dt: c.signed(),
        camera: c.varint(),
        state: c.byte(),
        reason: c.varint(),
      };
      break;
    case TAGS['snapshot-end']:
      p = { kind: 'snapshot-end', count: c.varint() };
      break;
    case TAGS.heartbeat:
      p = { kind: 'heartbeat', dt: c.signed() };
      break;
    default:
      throw new DecodeError(`unknown payload tag ${tag}`);
  }
  c.end();
  return p;
}
