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

export function clockMarkTag(mark: ClockMark): FlvTag {
  const name = new TextEncoder().encode(CLOCK_MARK_NAME);
  const out = new Uint8Array(3 + name.length + 1 + 2 * (2 + 2 + 9) + 3);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = 0x02; // string
  view.setUint16(at, name.length);
  out.set(name, (at += 2));
  at += name.length;
  out[at++] = 0x03; // object
  for (const [key, value] of [
    ['t', mark.t],
    ['at', mark.at],
  ] as const) {
    view.setUint16(at, key.length);
    at += 2;
    for (const char of key) out[at++] = char.charCodeAt(0);
    out[at++] = 0x00; // number
    view.setFloat64(at, value);
    at += 8;
  }
  out.set([0, 0, 0x09], at); // object end
  return { type: FLV_TAG_SCRIPT, timestamp: mark.t, data: out.subarray(0, at + 3) };
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
