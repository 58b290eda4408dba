// Serialises FLV: the file header and tags with their PreviousTagSize trailers.
import type { FlvTag } from './flv-tag';

export const FLV_HEADER_SIZE = 9;
/** Bytes a tag takes beyond its body: the 11-byte header and the 4-byte PreviousTagSize. */
export const FLV_TAG_OVERHEAD = 15;

/** The 9-byte FLV header followed by PreviousTagSize0 (13 bytes in all). */
export function encodeFlvHeader(flags: { audio: boolean; video: boolean }): Uint8Array {
  const out = new Uint8Array(13);
  out.set([0x46, 0x4c, 0x56, 0x01], 0); // "FLV", version 1
  out[4] = (flags.audio ? 0x04 : 0) | (flags.video ? 0x01 : 0);
  out[8] = FLV_HEADER_SIZE;
  return out;
}

/** One tag: 11-byte header, body, 4-byte PreviousTagSize. */
export function encodeFlvTag(tag: FlvTag): Uint8Array {
  const out = new Uint8Array(FLV_TAG_OVERHEAD + tag.data.length);
  writeFlvTag(out, 0, tag.type, tag.timestamp, tag.data);
  return out;
}

/**
 * Writes one tag at `at` into memory the caller provides (every byte of it is written, so
 * the memory need not be zeroed); returns the offset just past it.
 */
export function writeFlvTag(
  out: Uint8Array,
  at: number,
  type: number,
  timestamp: number,
  data: Uint8Array,
): number {
  out.set(data, at + 11);
  return writeFlvTagFrame(out, at, type, timestamp, data.length);
}

/**
 * The tag header at `at` and the PreviousTagSize after a body of `size` bytes, which the
 * caller writes (or has written) at at + 11; returns the offset just past the tag.
 */
export function writeFlvTagFrame(
  out: Uint8Array,
  at: number,
  type: number,
  timestamp: number,
  size: number,
): number {
  const ts = Math.max(0, Math.floor(timestamp)) >>> 0;
  out[at] = type;
  out[at + 1] = (size >> 16) & 0xff;
  out[at + 2] = (size >> 8) & 0xff;
  out[at + 3] = size & 0xff;
  out[at + 4] = (ts >> 16) & 0xff;
  out[at + 5] = (ts >> 8) & 0xff;
  out[at + 6] = ts & 0xff;
  out[at + 7] = (ts >>> 24) & 0xff; // TimestampExtended holds the upper 8 bits
  out[at + 8] = 0; // StreamID (3 bytes) is 0
  out[at + 9] = 0;
  out[at + 10] = 0;
  const end = at + 11 + size;
  const prev = 11 + size;
  out[end] = (prev >>> 24) & 0xff;
  out[end + 1] = (prev >> 16) & 0xff;
  out[end + 2] = (prev >> 8) & 0xff;
  out[end + 3] = prev & 0xff;
  return end + 4;
}
