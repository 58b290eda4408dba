// NAL unit helpers for both codecs: Annex-B splitting (SDP parameter sets), AVCC/HVCC length
// prefixing (FLV frames), and the per-codec type tests the depacketiser and muxer dispatch on.
import { h264NalKind, isH264Keyframe } from './h264/nal-units';
import { h265NalKind, isH265Keyframe } from './h265/nal-units';

/** Splits Annex-B bytes (00 00 01 / 00 00 00 01 start codes) into NAL units. */
export function splitAnnexB(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < bytes.length) {
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) {
      if (start >= 0) out.push(trimTrailingZeros(bytes.subarray(start, i)));
      i += 3;
      start = i;
      continue;
    }
    i++;
  }
  if (start >= 0) out.push(bytes.subarray(start));
  return out.filter((n) => n.length > 0);
}

function trimTrailingZeros(nal: Uint8Array): Uint8Array {
  let end = nal.length;
  while (end > 0 && nal[end - 1] === 0) end--;
  return nal.subarray(0, end);
}

function hasStartCode(b: Uint8Array): boolean {
  return (
    (b.length >= 3 && b[0] === 0 && b[1] === 0 && b[2] === 1) ||
    (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 1)
  );
}

/**
 * Decodes a comma-separated list of base64 parameter sets. Some cameras put Annex-B start
 * codes inside the base64 (or several NAL units in one entry); those are split out.
 */
export function splitParameterSets(value: string | undefined): Uint8Array[] {
  if (!value) return [];
  const out: Uint8Array[] = [];
  for (const part of value.split(',').slice(0, 16)) {
    const text = part.trim();
    if (!text) continue;
    const bytes = new Uint8Array(Buffer.from(text, 'base64'));
    if (bytes.length === 0) continue;
    if (hasStartCode(bytes)) out.push(...splitAnnexB(bytes));
    else out.push(bytes);
  }
  return out.filter((n) => n.length > 0);
}

export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Allocates `headerBytes` free bytes, then the NAL units as 4-byte-length-prefixed AVCC.
 * `alloc`: where the bytes come from (a muxer's slab); they are all written but the header.
 */
export function lengthPrefixed(
  nalus: readonly Uint8Array[],
  headerBytes: number,
  alloc: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): Uint8Array {
  let size = headerBytes;
  for (const nal of nalus) size += 4 + nal.length;
  const out = alloc(size);
  let at = headerBytes;
  for (const nal of nalus) {
    const len = nal.length;
    out[at] = (len >>> 24) & 0xff;
    out[at + 1] = (len >> 16) & 0xff;
    out[at + 2] = (len >> 8) & 0xff;
    out[at + 3] = len & 0xff;
    out.set(nal, at + 4);
    at += 4 + len;
  }
  return out;
}

export type VideoCodecName = 'h264' | 'h265';

/** What a NAL unit is to the FLV muxer: a parameter set, an access unit delimiter, or media. */
export type NalKind = 'vps' | 'sps' | 'pps' | 'aud' | undefined;

export function nalKind(codec: VideoCodecName, nal: Uint8Array): NalKind {
  return codec === 'h264' ? h264NalKind(nal) : h265NalKind(nal);
}

/** IDR for H.264; IRAP (BLA, IDR, CRA) for H.265. */
export function isKeyframeNal(codec: VideoCodecName, nal: Uint8Array): boolean {
  return codec === 'h264' ? isH264Keyframe(nal) : isH265Keyframe(nal);
}
