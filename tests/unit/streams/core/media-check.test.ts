// The per-connection decoder configuration check: each broken case of the bug report is a
// source failure with the reason the tile names, and real streams pass through untouched.
import { describe, expect, it } from 'vitest';
import { MediaCheck } from '../../../../electron/streams/core/media-check';
import { avcFrameTag, avcSequenceHeaderTag } from '../../../../electron/streams/flv/avc-tags';
import {
  FLV_TAG_AUDIO,
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';
import { hevcFrameTag, hevcSequenceHeaderTag } from '../../../../electron/streams/flv/hevc-tags';
import {
  BROKEN_AVC_RECORDS,
  BROKEN_HEVC_RECORDS,
  VALID_AVC_RECORD,
  VALID_HEVC_RECORD,
  patched,
} from '../../../fixtures/broken-video/broken-records';
import { CLIP_TAGS } from './support/session-harness';

const IDR = Uint8Array.from([0x65, 0x88, 0x84, 0x00]);
const P = Uint8Array.from([0x41, 0x9a, 0x02]);
const H265_IDR = Uint8Array.from([0x26, 0x01, 0xaf]);
const avcKey = avcFrameTag([IDR], true, 0);
const avcInter = avcFrameTag([P], false, 40);
const hevcKey = hevcFrameTag([H265_IDR], true, 0);
const tag = (type: FlvTag['type'], data: number[]): FlvTag => ({
  type,
  timestamp: 0,
  data: Uint8Array.from(data),
});

function run(tags: readonly FlvTag[]) {
  const check = new MediaCheck('Cẩm Vũ · Quầy 2');
  return tags.map((t) => check.inspect(t));
}

describe('MediaCheck', () => {
  it('passes the demo clip, script data and audio untouched', () => {
    expect(run(CLIP_TAGS).filter(Boolean)).toEqual([]);
    expect(run([tag(FLV_TAG_AUDIO, [0xaf, 1, 2]), tag(FLV_TAG_SCRIPT, [2])])).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('passes a valid AVC configuration and the frames after it', () => {
    expect(run([avcSequenceHeaderTag(VALID_AVC_RECORD, 0), avcKey, avcInter])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  for (const [name, record] of Object.entries(BROKEN_AVC_RECORDS)) {
    it(`fails an AVC stream whose configuration is ${name}`, () => {
      const [failure] = run([avcSequenceHeaderTag(record, 0)]);
      expect(failure).toMatchObject({ code: 'protocol-error', reason: 'damaged-video' });
      expect(failure!.message).toMatch(/^Camera 'Cẩm Vũ · Quầy 2': the stream is damaged \(/);
    });
  }

  it('fails frames that flow without a configuration, AVC and HEVC', () => {
    const [avc] = run([avcKey]);
    expect(avc).toMatchObject({ code: 'protocol-error', reason: 'damaged-video' });
    expect(avc!.message).toContain(
      'the stream is damaged (video frames arrive without a decoder configuration before them)',
    );
    expect(run([avcInter])[0]).toMatchObject({ reason: 'damaged-video' });
    expect(run([hevcKey])[0]).toMatchObject({ reason: 'damaged-video' });
    // Enhanced FLV CodedFramesX (packet type 3) carries pictures too.
    expect(
      run([tag(FLV_TAG_VIDEO, [0x93, 0x68, 0x76, 0x63, 0x31, 0, 0, 0, 1, 0x26])])[0],
    ).toMatchObject({ reason: 'damaged-video' });
  });

  it('lets packets that carry no picture through before a configuration', () => {
    // AVC end of sequence; enhanced-FLV sequence end and metadata.
    const noPicture = [
      tag(FLV_TAG_VIDEO, [0x17, 2, 0, 0, 0]),
      tag(FLV_TAG_VIDEO, [0x92, 0x68, 0x76, 0x63, 0x31]),
      tag(FLV_TAG_VIDEO, [0x94, 0x68, 0x76, 0x63, 0x31]),
      tag(FLV_TAG_VIDEO, []),
    ];
    expect(run(noPicture)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('leaves codecs other than H.264 and H.265 to the codec check', () => {
    expect(run([tag(FLV_TAG_VIDEO, [0x22, 1, 0, 0, 0, 9])])).toEqual([undefined]);
  });

  it('fails a broken configuration that replaces a valid one, and frames after it', () => {
    const check = new MediaCheck('cam');
    expect(check.inspect(avcSequenceHeaderTag(VALID_AVC_RECORD, 0))).toBeUndefined();
    expect(check.inspect(avcKey)).toBeUndefined();
    const broken = BROKEN_AVC_RECORDS['configurationVersion 0']!;
    expect(check.inspect(avcSequenceHeaderTag(broken, 40))).toMatchObject({
      reason: 'damaged-video',
    });
    expect(check.inspect(avcInter)).toMatchObject({ reason: 'damaged-video' });
  });

  it('says "cannot decode" for well-formed video this display cannot play', () => {
    const [failure] = run([avcSequenceHeaderTag(patched(VALID_AVC_RECORD, 4, [0xfd]), 0)]);
    expect(failure).toMatchObject({ code: 'protocol-error', reason: 'damaged-video' });
    expect(failure!.message).toBe(
      "Camera 'Cẩm Vũ · Quầy 2': the camera sends video this display cannot decode (NAL units have 2-byte lengths). Restart the camera, or check its video encoding settings.",
    );
  });

  it('passes a valid HEVC configuration (enhanced and legacy FLV) and its frames', () => {
    expect(run([hevcSequenceHeaderTag(VALID_HEVC_RECORD, 0), hevcKey])).toEqual([
      undefined,
      undefined,
    ]);
    const legacy = tag(FLV_TAG_VIDEO, [0x1c, 0, 0, 0, 0, ...VALID_HEVC_RECORD]);
    expect(run([legacy, tag(FLV_TAG_VIDEO, [0x1c, 1, 0, 0, 0, 0, 0, 0, 1, 0x26])])).toEqual([
      undefined,
      undefined,
    ]);
  });

  for (const [name, record] of Object.entries(BROKEN_HEVC_RECORDS)) {
    it(`fails an HEVC stream whose configuration is ${name}`, () => {
      const [failure] = run([hevcSequenceHeaderTag(record, 0)]);
      expect(failure).toMatchObject({ code: 'protocol-error', reason: 'damaged-video' });
      expect(failure!.message).toContain('the stream is damaged');
    });
  }
});
