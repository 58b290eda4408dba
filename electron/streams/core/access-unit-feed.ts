// The access-unit format of a viewer (contract/access-unit-wire.ts), made from the session's
// FLV video tags: a sequence header becomes a config message (codec string + record), a coded
// picture a frame message with its times and when main received it. Script tags, end-of-
// sequence markers and codecs other than H.264/H.265 have no message.
import { encodeAuConfig, encodeAuFrame } from '../../contract/access-unit-wire';
import { avcCodecString, hevcCodecString } from '../codecs/codec-string';
import { parseAvcDecoderConfigurationRecord } from '../codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../codecs/h265/configuration-record';
import { FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';

/** Where a video tag's payload starts, and its composition time; null for what has none. */
function payloadOf(data: Uint8Array): { at: number; composition: number } | null {
  const first = data[0] ?? 0;
  if ((first & 0x80) !== 0) {
    // Enhanced FLV: packet type 0 sequence start, 1 coded frames (+ 3-byte time), 3 coded
    // frames without a composition time.
    const packetType = first & 0x0f;
    if (packetType === 0 || packetType === 3) return { at: 5, composition: 0 };
    if (packetType === 1 && data.length >= 8) return { at: 8, composition: int24(data, 5) };
    return null;
  }
  // Legacy AVC (and HEVC with codec id 12): packet type 0 header, 1 pictures, 2 end.
  if (data.length < 5 || data[1] === 2) return null;
  return { at: 5, composition: int24(data, 2) };
}

function int24(data: Uint8Array, at: number): number {
  const value = (data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!;
  return value & 0x800000 ? value - 0x1000000 : value;
}

/**
 * The message for one tag at `timestamp` on the viewer's timeline, or null. `receivedAt` is
 * the session's mark; a tag without one (a test's) counts as received now.
 */
export function accessUnitMessage(tag: FlvTag, timestamp: number): Uint8Array | null {
  if (tag.type !== FLV_TAG_VIDEO) return null;
  const info = videoTagInfo(tag.data);
  if (info.codec === 'other') return null;
  const payload = payloadOf(tag.data);
  if (!payload || payload.at >= tag.data.length) return null;
  const body = tag.data.subarray(payload.at);
  if (info.sequenceHeader) {
    const h264 = info.codec === 'h264';
    const codec = h264 ? avcCodecString(body) : hevcCodecString(body);
    if (!codec) return null;
    const record = h264
      ? parseAvcDecoderConfigurationRecord(body)
      : parseHevcDecoderConfigurationRecord(body);
    return encodeAuConfig(codec, body, record.ok ? record : undefined);
  }
  return encodeAuFrame({
    keyframe: info.keyframe,
    dts: timestamp,
    pts: timestamp + payload.composition,
    receivedAt: tag.receivedAt ?? Date.now(),
    data: body,
  });
}
