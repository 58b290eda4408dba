// Framing for the append-only log: every frame is
//   0xA5 | payload length (varint, 1–2 bytes) | payload | CRC-32 (LE) of everything before it
// The marker lets a reader resynchronise after a damaged frame instead of losing the rest of
// the file; the length + CRC detect both a torn tail (power cut mid-write) and flipped bytes.
// Pure: works on buffers, no file access.
import { crc32 } from 'node:zlib';
import { Cursor, DecodeError, pushVarint } from './varint';

export const FRAME_MARK = 0xa5;
// Far above any real payload (ids and reasons are clipped); a bigger length is damage.
export const MAX_PAYLOAD = 4096;

export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.length < 1 || payload.length > MAX_PAYLOAD) {
    throw new RangeError(`frame payload of ${payload.length} bytes`);
  }
  const head: number[] = [FRAME_MARK];
  pushVarint(head, payload.length);
  const bodyEnd = head.length + payload.length;
  const frame = Buffer.alloc(bodyEnd + 4);
  frame.set(head, 0);
  frame.set(payload, head.length);
  frame.writeUInt32LE(crc32(frame.subarray(0, bodyEnd)), bodyEnd);
  return frame;
}

export interface Frame {
  start: number;
  end: number;
  payload: Buffer;
}

/** The frame starting exactly at `pos`, or null if there is none (torn, damaged, or garbage). */
export function frameAt(bytes: Buffer, pos: number): Frame | null {
  if (bytes[pos] !== FRAME_MARK) return null;
  let length: number;
  let payloadStart: number;
  try {
    const cursor = new Cursor(bytes.subarray(pos + 1, pos + 3));
    length = cursor.varint();
    payloadStart = pos + 1 + (length < 0x80 ? 1 : 2);
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
  if (length < 1 || length > MAX_PAYLOAD) return null;
  const end = payloadStart + length + 4;
  if (end > bytes.length) return null;
  const stored = bytes.readUInt32LE(end - 4);
  if (crc32(bytes.subarray(pos, end - 4)) !== stored) return null;
  return { start: pos, end, payload: bytes.subarray(payloadStart, end - 4) };
}

export interface FrameScan {
  frames: Frame[];
  /** End of the last good frame: where appending may safely continue. */
  goodEnd: number;
  /** Bytes that belonged to no good frame (damage in the middle, or a torn tail). */
  skippedBytes: number;
}

/** Every good frame in order; after a bad byte, resumes at the next marker whose frame checks. */
export function scanFrames(bytes: Buffer): FrameScan {
  const frames: Frame[] = [];
  let pos = 0;
  let skippedBytes = 0;
  while (pos < bytes.length) {
    const frame = frameAt(bytes, pos);
    if (frame) {
      frames.push(frame);
      pos = frame.end;
      continue;
    }
    const next = bytes.indexOf(FRAME_MARK, pos + 1);
    const resume = next === -1 ? bytes.length : next;
    skippedBytes += resume - pos;
    pos = resume;
  }
  const last = frames[frames.length - 1];
  return { frames, goodEnd: last ? last.end : 0, skippedBytes };
}
