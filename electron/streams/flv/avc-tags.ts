// FLV video tags for H.264 (FLV codec id 7): the AVC sequence header carrying an
// AVCDecoderConfigurationRecord (built in codecs/h264/configuration-record.ts), and frames as
// AVCC (4-byte length-prefixed NAL units) with their composition time (PTS - DTS, non-zero
// only with B-frames).
import { lengthPrefixed } from '../codecs/nal-units';
import { FLV_TAG_VIDEO, type FlvTag } from './flv-tag';

/** The AVC sequence header tag (keyframe, AVCPacketType 0). */
export function avcSequenceHeaderTag(record: Uint8Array, timestamp: number): FlvTag {
  const data = new Uint8Array(5 + record.length);
  data[0] = 0x17; // keyframe, codec 7
  data[1] = 0; // AVCPacketType: sequence header
  data.set(record, 5); // composition time 0 in bytes 2-4
  return { type: FLV_TAG_VIDEO, timestamp, data };
}

/** One picture: NAL units, each prefixed with its 4-byte length (`alloc`: see lengthPrefixed). */
export function avcFrameTag(
  nalus: readonly Uint8Array[],
  keyframe: boolean,
  timestamp: number,
  compositionMs = 0,
  alloc?: (size: number) => Uint8Array,
): FlvTag {
  const body = lengthPrefixed(nalus, 5, alloc);
  body[0] = keyframe ? 0x17 : 0x27;
  body[1] = 1; // AVCPacketType: NALUs
  writeCompositionTime(body, 2, compositionMs);
  return { type: FLV_TAG_VIDEO, timestamp, data: body };
}

/** FLV's composition time: a signed 24-bit count of milliseconds, big-endian. */
export function writeCompositionTime(data: Uint8Array, at: number, compositionMs: number): void {
  const value = Math.max(-0x800000, Math.min(0x7fffff, Math.round(compositionMs))) & 0xffffff;
  data[at] = (value >> 16) & 0xff;
  data[at + 1] = (value >> 8) & 0xff;
  data[at + 2] = value & 0xff;
}
