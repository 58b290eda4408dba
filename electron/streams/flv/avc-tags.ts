// FLV video tags for H.264 (FLV codec id 7): the AVC sequence header carrying an
// AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1), and frames as AVCC
// (4-byte length-prefixed NAL units). Composition time is 0: cameras do not send B-frames.
import { FLV_TAG_VIDEO, type FlvTag } from './flv-tag';

/** AVCDecoderConfigurationRecord from SPS and PPS NAL units; undefined without both. */
export function avcDecoderConfigurationRecord(
  spsList: readonly Uint8Array[],
  ppsList: readonly Uint8Array[],
): Uint8Array | undefined {
  const sps = spsList.filter((s) => s.length >= 4 && s.length <= 0xffff).slice(0, 31);
  const pps = ppsList.filter((p) => p.length >= 1 && p.length <= 0xffff).slice(0, 255);
  const first = sps[0];
  if (!first || pps.length === 0) return undefined;
  const size =
    6 + sps.reduce((n, s) => n + 2 + s.length, 0) + 1 + pps.reduce((n, p) => n + 2 + p.length, 0);
  const out = new Uint8Array(size);
  out[0] = 1; // configurationVersion
  out[1] = first[1]!; // AVCProfileIndication
  out[2] = first[2]!; // profile_compatibility
  out[3] = first[3]!; // AVCLevelIndication
  out[4] = 0xff; // 6 reserved bits + lengthSizeMinusOne = 3
  out[5] = 0xe0 | sps.length;
  let at = 6;
  for (const s of sps) {
    out[at++] = s.length >> 8;
    out[at++] = s.length & 0xff;
    out.set(s, at);
    at += s.length;
  }
  out[at++] = pps.length;
  for (const p of pps) {
    out[at++] = p.length >> 8;
    out[at++] = p.length & 0xff;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The AVC sequence header tag (keyframe, AVCPacketType 0). */
export function avcSequenceHeaderTag(record: Uint8Array, timestamp: number): FlvTag {
  const data = new Uint8Array(5 + record.length);
  data[0] = 0x17; // keyframe, codec 7
  data[1] = 0; // AVCPacketType: sequence header
  data.set(record, 5); // composition time 0 in bytes 2-4
  return { type: FLV_TAG_VIDEO, timestamp, data };
}

/** One picture: NAL units, each prefixed with its 4-byte length. */
export function avcFrameTag(
  nalus: readonly Uint8Array[],
  keyframe: boolean,
  timestamp: number,
): FlvTag {
  const body = lengthPrefixed(nalus, 5);
  body[0] = keyframe ? 0x17 : 0x27;
  body[1] = 1; // AVCPacketType: NALUs
  return { type: FLV_TAG_VIDEO, timestamp, data: body };
}

/** Allocates `headerBytes` free bytes, then the NAL units as 4-byte-length-prefixed AVCC. */
export function lengthPrefixed(nalus: readonly Uint8Array[], headerBytes: number): Uint8Array {
  const size = nalus.reduce((n, nal) => n + 4 + nal.length, headerBytes);
  const out = new Uint8Array(size);
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
