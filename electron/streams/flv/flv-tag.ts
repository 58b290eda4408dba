// FLV tags as plain data. The whole stream path (sources → session → gateway) moves these.

export const FLV_TAG_AUDIO = 8;
export const FLV_TAG_VIDEO = 9;
export const FLV_TAG_SCRIPT = 18;

export type FlvTagType = typeof FLV_TAG_AUDIO | typeof FLV_TAG_VIDEO | typeof FLV_TAG_SCRIPT;

export interface FlvTag {
  type: FlvTagType;
  /** Decode timestamp in milliseconds (32-bit in the file: 24 bits + 8 extended bits). */
  timestamp: number;
  /** Tag body (after the 11-byte tag header, before the PreviousTagSize field). */
  data: Uint8Array;
  /** Epoch ms when main received it (set by the session's fan-out; viewers' clock marks). */
  receivedAt?: number;
}

/** Video codec ids from the FLV spec, and the enhanced-FLV FourCCs we recognise. */
export const FLV_CODEC_AVC = 7;
export const FLV_CODEC_HEVC_LEGACY = 12;

export type VideoTagInfo = {
  keyframe: boolean;
  /** True for a decoder configuration record (AVC/HEVC sequence header). */
  sequenceHeader: boolean;
  codec: 'h264' | 'h265' | 'other';
};

const FOURCC_HVC1 = 0x68766331; // 'hvc1'
const FOURCC_AVC1 = 0x61766331; // 'avc1'

/** Reads what the session needs to know about a video tag; never throws. */
export function videoTagInfo(data: Uint8Array): VideoTagInfo {
  const first = data[0];
  if (first === undefined) return { keyframe: false, sequenceHeader: false, codec: 'other' };
  const isExHeader = (first & 0x80) !== 0;
  if (isExHeader) {
    // Enhanced RTMP/FLV: [1 bit exHeader][3 bits frameType][4 bits packetType][FourCC].
    const frameType = (first >> 4) & 0x07;
    const packetType = first & 0x0f;
    const fourcc =
      data.length >= 5
        ? ((data[1]! << 24) | (data[2]! << 16) | (data[3]! << 8) | data[4]!) >>> 0
        : 0;
    const codec = fourcc === FOURCC_HVC1 ? 'h265' : fourcc === FOURCC_AVC1 ? 'h264' : 'other';
    return { keyframe: frameType === 1, sequenceHeader: packetType === 0, codec };
  }
  const frameType = first >> 4;
  const codecId = first & 0x0f;
  const codec =
    codecId === FLV_CODEC_AVC ? 'h264' : codecId === FLV_CODEC_HEVC_LEGACY ? 'h265' : 'other';
  return { keyframe: frameType === 1, sequenceHeader: data[1] === 0, codec };
}
