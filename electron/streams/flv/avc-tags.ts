// FLV video tags for H.264 (FLV codec id 7): the AVC sequence header carrying an
// AVCDecoderConfigurationRecord (built in codecs/h264/configuration-record.ts), and frames as
// AVCC (4-byte length-prefixed NAL units). Composition time is 0: cameras do not send B-frames.
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
