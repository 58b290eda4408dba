import { describe, expect, it } from 'vitest';
import { avcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h264/configuration-record';
import { readH264Sps } from '../../../../electron/streams/codecs/h264/sps';
import { hevcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h265/configuration-record';
import { readHevcSps } from '../../../../electron/streams/codecs/h265/sps';
import { avcFrameTag, avcSequenceHeaderTag } from '../../../../electron/streams/flv/avc-tags';
import { hevcFrameTag, hevcSequenceHeaderTag } from '../../../../electron/streams/flv/hevc-tags';
import { FLV_TAG_VIDEO, videoTagInfo } from '../../../../electron/streams/flv/flv-tag';

const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
// From the GStreamer server's SDP (x264, 640x360 baseline, level 3.0).
const SPS = b64('Z0LAHtoCgL/lwFqDAwNSgAAAAwCAAAAZR4sXUA==');
const PPS = b64('aM48gA==');
// From the GStreamer server's SDP (x265, 640x360 Main, 4:2:0 8-bit).
const VPS = b64('QAEMAf//AWAAAAMAkAAAAwAAAwA/ugJA');
const HSPS = b64('QgEBAWAAAAMAkAAAAwAAAwA/oAUCAXHy5bpKTC//AAEAAWoMDAwIAAADAAgAAAMAyEA=');
const HPPS = b64('RAHAcYMS');
// x265 given 4:4:4 12-bit input (format range extensions profile).
const HSPS_444_12 = b64('QgEBBAgAAAMAmAgAAAMAAD+QAKBALj4kpS3SUmF/+AAIAAtQYGBgQAAAAwBAAAAGQg==');

describe('AVC FLV tags', () => {
  it('builds an AVCDecoderConfigurationRecord from SPS and PPS', () => {
    const rec = avcDecoderConfigurationRecord([SPS], [PPS])!;
    expect(Array.from(rec.subarray(0, 6))).toEqual([1, 0x42, 0xc0, 0x1e, 0xff, 0xe1]);
    expect((rec[6]! << 8) | rec[7]!).toBe(SPS.length);
    expect(Array.from(rec.subarray(8, 8 + SPS.length))).toEqual(Array.from(SPS));
    const at = 8 + SPS.length;
    expect(rec[at]).toBe(1);
    expect((rec[at + 1]! << 8) | rec[at + 2]!).toBe(PPS.length);
    expect(rec.length).toBe(at + 3 + PPS.length);
  });

  it('needs both SPS and PPS', () => {
    expect(avcDecoderConfigurationRecord([SPS], [])).toBeUndefined();
    expect(avcDecoderConfigurationRecord([], [PPS])).toBeUndefined();
  });

  it('marks the sequence header and frames so videoTagInfo recognises them', () => {
    const seq = avcSequenceHeaderTag(avcDecoderConfigurationRecord([SPS], [PPS])!, 0);
    expect(seq.type).toBe(FLV_TAG_VIDEO);
    expect(videoTagInfo(seq.data)).toEqual({ keyframe: true, sequenceHeader: true, codec: 'h264' });
    const idr = Uint8Array.from([0x65, 1, 2]);
    const key = avcFrameTag([idr, Uint8Array.from([0x06, 9])], true, 40);
    expect(videoTagInfo(key.data)).toEqual({
      keyframe: true,
      sequenceHeader: false,
      codec: 'h264',
    });
    expect(Array.from(key.data)).toEqual([
      0x17, 1, 0, 0, 0, 0, 0, 0, 3, 0x65, 1, 2, 0, 0, 0, 2, 0x06, 9,
    ]);
    expect(key.timestamp).toBe(40);
    const inter = avcFrameTag([Uint8Array.from([0x41, 7])], false, 80);
    expect(videoTagInfo(inter.data)).toEqual({
      keyframe: false,
      sequenceHeader: false,
      codec: 'h264',
    });
  });

  it('reads profile, level and picture size from the SPS', () => {
    expect(readH264Sps(SPS)).toEqual({
      profileIdc: 0x42,
      constraintFlags: 0xc0,
      levelIdc: 0x1e,
      width: 640,
      height: 360,
    });
    expect(readH264Sps(SPS.subarray(0, 6))).toMatchObject({ profileIdc: 0x42 });
    expect(readH264Sps(new Uint8Array(2))).toBeUndefined();
  });
});

describe('HEVC enhanced-FLV tags', () => {
  it('builds an HEVCDecoderConfigurationRecord with VPS, SPS and PPS arrays', () => {
    const info = readHevcSps(HSPS)!;
    expect(info).toMatchObject({ width: 640, height: 360, chromaFormat: 1, bitDepthLumaMinus8: 0 });
    const rec = hevcDecoderConfigurationRecord([VPS], [HSPS], [HPPS])!;
    expect(rec[0]).toBe(1);
    expect(rec[1]! & 0x1f).toBe(1); // Main profile
    expect(rec[12]).toBe(info.levelIdc);
    expect(rec[21]! & 0x03).toBe(3); // 4-byte NAL lengths
    expect(rec[22]).toBe(3);
    expect(rec[23]).toBe(0x80 | 32);
    expect(hevcDecoderConfigurationRecord([], [HSPS], [HPPS])).toBeUndefined();
  });

  it('reads chroma format and bit depth of a range-extensions SPS', () => {
    expect(readHevcSps(HSPS_444_12)).toMatchObject({
      profileByte: 4,
      chromaFormat: 3,
      bitDepthLumaMinus8: 4,
      width: 640,
      height: 360,
    });
    expect(readHevcSps(HSPS_444_12.subarray(0, 19))).toMatchObject({ chromaFormat: 1 });
    expect(readHevcSps(HSPS_444_12.subarray(0, 12))).toBeUndefined();
  });

  it('writes hvc1 sequence start and coded frames that videoTagInfo recognises', () => {
    const seq = hevcSequenceHeaderTag(hevcDecoderConfigurationRecord([VPS], [HSPS], [HPPS])!, 0);
    expect(Array.from(seq.data.subarray(0, 5))).toEqual([0x90, 0x68, 0x76, 0x63, 0x31]);
    expect(videoTagInfo(seq.data)).toEqual({ keyframe: true, sequenceHeader: true, codec: 'h265' });
    const key = hevcFrameTag([Uint8Array.from([0x26, 1, 5])], true, 0);
    expect(Array.from(key.data)).toEqual([
      0x91, 0x68, 0x76, 0x63, 0x31, 0, 0, 0, 0, 0, 0, 3, 0x26, 1, 5,
    ]);
    expect(videoTagInfo(key.data)).toEqual({
      keyframe: true,
      sequenceHeader: false,
      codec: 'h265',
    });
    const inter = hevcFrameTag([Uint8Array.from([2, 1])], false, 40);
    expect(videoTagInfo(inter.data)).toEqual({
      keyframe: false,
      sequenceHeader: false,
      codec: 'h265',
    });
  });
});
