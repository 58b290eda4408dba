// FLV video tags for H.265 in enhanced FLV (the "E-RTMP" spec: FourCC 'hvc1'): a sequence
// start with an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1), then coded frames
// as 4-byte length-prefixed NAL units. First byte: 0x80 | frameType << 4 | packetType.
import { lengthPrefixed } from '../codecs/nal-units';
import { writeCompositionTime } from './avc-tags';
import { FLV_TAG_VIDEO, type FlvTag } from './flv-tag';

const HVC1 = [0x68, 0x76, 0x63, 0x31];
const PACKET_SEQUENCE_START = 0;
const PACKET_CODED_FRAMES = 1; // with a 3-byte composition time (0 here)

/** Enhanced-FLV sequence start (keyframe, packet type 0). */
export function hevcSequenceHeaderTag(record: Uint8Array, timestamp: number): FlvTag {
  const data = new Uint8Array(5 + record.length);
  data[0] = 0x80 | (1 << 4) | PACKET_SEQUENCE_START;
  data.set(HVC1, 1);
  data.set(record, 5);
  return { type: FLV_TAG_VIDEO, timestamp, data };
}

/** Enhanced-FLV coded frames (packet type 1) with their composition time. */
export function hevcFrameTag(
  nalus: readonly Uint8Array[],
  keyframe: boolean,
  timestamp: number,
  compositionMs = 0,
  alloc?: (size: number) => Uint8Array,
): FlvTag {
  const data = lengthPrefixed(nalus, 8, alloc);
  data[0] = 0x80 | ((keyframe ? 1 : 2) << 4) | PACKET_CODED_FRAMES;
  data.set(HVC1, 1);
  writeCompositionTime(data, 5, compositionMs);
  return { type: FLV_TAG_VIDEO, timestamp, data };
}
