// Serialises FLV: the file header and tags with their PreviousTagSize trailers.
import type { FlvTag } from './flv-tag';

export const FLV_HEADER_SIZE = 9;

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
  const size = tag.data.length;
  const out = new Uint8Array(11 + size + 4);
  const ts = Math.max(0, Math.floor(tag.timestamp)) >>> 0;
  out[0] = tag.type;
  out[1] = (size >> 16) & 0xff;
  out[2] = (size >> 8) & 0xff;
  out[3] = size & 0xff;
  out[4] = (ts >> 16) & 0xff;
  out[5] = (ts >> 8) & 0xff;
  out[6] = ts & 0xff;
  out[7] = (ts >>> 24) & 0xff; // TimestampExtended holds the upper 8 bits
  // StreamID (3 bytes) stays 0.
  out.set(tag.data, 11);
  const prev = 11 + size;
  out[11 + size] = (prev >>> 24) & 0xff;
  out[12 + size] = (prev >> 16) & 0xff;
  out[13 + size] = (prev >> 8) & 0xff;
  out[14 + size] = prev & 0xff;
  return out;
}
