// videoTagInfo on hand-made first bytes: legacy FLV (frame type, codec id, AVC packet type)
// and enhanced FLV (exHeader bit, frame type, packet type, FourCC). The session decides what
// to cache and where a viewer may start from this alone, so each field is pinned on its own.
import { describe, expect, it } from 'vitest';
import {
  FLV_CODEC_AVC,
  FLV_CODEC_HEVC_LEGACY,
  videoTagInfo,
} from '../../../../electron/streams/flv/flv-tag';

const legacy = (frameType: number, codecId: number, packetType: number) =>
  Uint8Array.of((frameType << 4) | codecId, packetType, 0, 0, 0);
/** Enhanced FLV: exHeader bit, 3-bit frame type, 4-bit packet type, then the FourCC. */
const enhanced = (frameType: number, packetType: number, fourcc: string) =>
  Uint8Array.of(0x80 | (frameType << 4) | packetType, ...Buffer.from(fourcc, 'latin1'), 0);

describe('videoTagInfo, legacy FLV', () => {
  it('reads an AVC sequence header, keyframe and inter frame', () => {
    expect(videoTagInfo(legacy(1, 7, 0))).toEqual({
      keyframe: true,
      sequenceHeader: true,
      codec: 'h264',
    });
    expect(videoTagInfo(legacy(1, 7, 1))).toEqual({
      keyframe: true,
      sequenceHeader: false,
      codec: 'h264',
    });
    expect(videoTagInfo(legacy(2, 7, 1))).toEqual({
      keyframe: false,
      sequenceHeader: false,
      codec: 'h264',
    });
  });

  it('takes only frame type 1 as a keyframe (2 inter, 3 disposable, 5 command)', () => {
    for (const frameType of [2, 3, 4, 5]) {
      expect(videoTagInfo(legacy(frameType, 7, 1)).keyframe, `frame type ${frameType}`).toBe(false);
    }
  });

  it('names codec id 7 h264 and 12 h265 (the legacy HEVC id), anything else other', () => {
    expect(FLV_CODEC_AVC).toBe(7);
    expect(FLV_CODEC_HEVC_LEGACY).toBe(12);
    expect(videoTagInfo(legacy(1, 12, 1)).codec).toBe('h265');
    for (const codecId of [2, 4, 6, 13]) {
      expect(videoTagInfo(legacy(1, codecId, 1)).codec, `codec id ${codecId}`).toBe('other');
    }
  });

  it('calls a tag whose second byte is missing no sequence header', () => {
    expect(videoTagInfo(Uint8Array.of(0x17))).toEqual({
      keyframe: true,
      sequenceHeader: false,
      codec: 'h264',
    });
  });

  it('calls an empty tag nothing at all, without throwing', () => {
    expect(videoTagInfo(new Uint8Array(0))).toEqual({
      keyframe: false,
      sequenceHeader: false,
      codec: 'other',
    });
  });
});

describe('videoTagInfo, enhanced FLV', () => {
  it('reads hvc1 and avc1 sequence starts, keyframes and inter frames', () => {
    expect(videoTagInfo(enhanced(1, 0, 'hvc1'))).toEqual({
      keyframe: true,
      sequenceHeader: true,
      codec: 'h265',
    });
    expect(videoTagInfo(enhanced(1, 1, 'hvc1'))).toEqual({
      keyframe: true,
      sequenceHeader: false,
      codec: 'h265',
    });
    expect(videoTagInfo(enhanced(2, 3, 'hvc1'))).toEqual({
      keyframe: false,
      sequenceHeader: false,
      codec: 'h265',
    });
    expect(videoTagInfo(enhanced(1, 0, 'avc1'))).toEqual({
      keyframe: true,
      sequenceHeader: true,
      codec: 'h264',
    });
  });

  it('reads the frame type from bits 6–4 only, with the exHeader bit set', () => {
    // 0x80 | (1 << 4): frame type 1; a legacy reading (first >> 4 = 9) would say inter.
    expect(videoTagInfo(enhanced(1, 1, 'hvc1')).keyframe).toBe(true);
    expect(videoTagInfo(enhanced(5, 1, 'hvc1')).keyframe).toBe(false);
    // Packet type 0 (sequence start) even though byte 1 is not 0, as it would be in legacy FLV.
    expect(videoTagInfo(enhanced(1, 0, 'hvc1'))).toMatchObject({ sequenceHeader: true });
    expect(videoTagInfo(Uint8Array.of(0x90, 0, 0, 0, 0)).sequenceHeader).toBe(true);
    expect(videoTagInfo(Uint8Array.of(0x91, 0, 0, 0, 0)).sequenceHeader).toBe(false);
  });

  it('names other FourCCs, and a FourCC cut short, other', () => {
    for (const fourcc of ['av01', 'vp09', 'hev1', 'HVC1', 'avc3']) {
      expect(videoTagInfo(enhanced(1, 1, fourcc)).codec, fourcc).toBe('other');
    }
    // Four bytes in all: the FourCC lacks its last byte.
    expect(videoTagInfo(Uint8Array.of(0x91, ...Buffer.from('hvc', 'latin1'))).codec).toBe('other');
    // Exactly five bytes is enough.
    expect(videoTagInfo(Uint8Array.of(0x91, ...Buffer.from('hvc1', 'latin1'))).codec).toBe('h265');
  });
});
