// A clock mark: a small FLV script tag a viewer gets before each keyframe, saying when main
// received that frame (epoch ms) and where it sits on the viewer's own timeline. A tile's
// player maps the frame it shows to the wall-clock time it was live (a snapshot's burned-in
// time, a replay's "14:02:10"), whatever the camera's own clock says. AMF0, as onMetaData is:
// the name "onWallClock", then an object { t, at }. Players that do not know it ignore it.
import { FLV_TAG_SCRIPT, type FlvTag } from './flv-tag';

export const CLOCK_MARK_NAME = 'onWallClock';

export interface ClockMark {
  /** The frame's timestamp on the viewer's timeline (ms). */
  t: number;
  /** When main received it (epoch ms). */
  at: number;
}

const NAME_BYTES = new TextEncoder().encode(CLOCK_MARK_NAME);
/** The body's size: string marker and name, object marker, two number properties, end. */
export const CLOCK_MARK_BODY_BYTES = 1 + 2 + NAME_BYTES.length + 1 + (2 + 1 + 9) + (2 + 2 + 9) + 3;

export function clockMarkTag(mark: ClockMark): FlvTag {
  const data = new Uint8Array(CLOCK_MARK_BODY_BYTES);
  writeClockMarkBody(data, 0, mark);
  return { type: FLV_TAG_SCRIPT, timestamp: mark.t, data };
}

/**
 * Writes a clock mark's body (CLOCK_MARK_BODY_BYTES) at `at`, straight into the bytes a viewer
 * is sent: it goes out a few times a second per viewer, so it builds no objects of its own.
 */
export function writeClockMarkBody(out: Uint8Array, at: number, mark: ClockMark): void {
  out[at++] = 0x02; // string
  out[at++] = 0;
  out[at++] = NAME_BYTES.length;
  out.set(NAME_BYTES, at);
  at += NAME_BYTES.length;
  out[at++] = 0x03; // object
  at = writeNumberProperty(out, at, 't', mark.t);
  at = writeNumberProperty(out, at, 'at', mark.at);
  out[at] = 0; // object end
  out[at + 1] = 0;
  out[at + 2] = 0x09;
}

const number = new Float64Array(1);
const numberBytes = new Uint8Array(number.buffer);
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** An AMF0 object property of one-byte-character key and number value (big-endian double). */
function writeNumberProperty(out: Uint8Array, at: number, key: string, value: number): number {
  out[at++] = 0;
  out[at++] = key.length;
  for (let k = 0; k < key.length; k++) out[at++] = key.charCodeAt(k);
  out[at++] = 0x00; // number
  number[0] = value;
  for (let k = 0; k < 8; k++) out[at + k] = numberBytes[littleEndian ? 7 - k : k]!;
  return at + 8;
}

/** Reads a clock mark back (tests; the renderer's player parses AMF itself); null if not one. */
export function readClockMark(tag: FlvTag): ClockMark | null {
  if (tag.type !== FLV_TAG_SCRIPT) return null;
  const name = new TextEncoder().encode(CLOCK_MARK_NAME);
  const { data } = tag;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] !== 0x02 || data.length < 3 || view.getUint16(1) !== name.length) return null;
  if (new TextDecoder().decode(data.subarray(3, 3 + name.length)) !== CLOCK_MARK_NAME) return null;
  let at = 3 + name.length + 1;
  const values: Record<string, number> = {};
  while (at + 2 <= data.length) {
    const length = view.getUint16(at);
    if (length === 0) break;
    const key = new TextDecoder().decode(data.subarray(at + 2, at + 2 + length));
    at += 2 + length;
    if (data[at] !== 0x00 || at + 9 > data.length) return null;
    values[key] = view.getFloat64(at + 1);
    at += 9;
  }
  const { t, at: received } = values;
  return t === undefined || received === undefined ? null : { t, at: received };
}
