// The access-unit feed on real bytes: the demo clip's FLV (x264) and x265 access units muxed by
// our own muxer, turned into wire messages and read back as the renderer reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAuMessage, type AuMessage } from '../../../../electron/contract/access-unit-wire';
import { hevcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h265/configuration-record';
import { avcCodecString, hevcCodecString } from '../../../../electron/streams/codecs/codec-string';
import { accessUnitMessage } from '../../../../electron/streams/core/access-unit-feed';
import { GopCache } from '../../../../electron/streams/core/gop-cache';
import { StreamViewer } from '../../../../electron/streams/core/stream-viewer';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import {
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';
import { hevcFrameTag, hevcSequenceHeaderTag } from '../../../../electron/streams/flv/hevc-tags';
import { H265_PICTURES, setsOf } from '../flv/annexb-samples';

function clipTags(): FlvTag[] {
  const reader = new FlvReader();
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../../assets/demo/clip-1.flv')));
  return reader.push(bytes).flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
}

describe('access units from FLV tags', () => {
  it('turns the demo clip into one config and a message per picture, payload untouched', () => {
    const all = clipTags().filter((t) => t.type === FLV_TAG_VIDEO);
    // The clip ends with an AVC end-of-sequence tag, which has no message.
    expect(all.at(-1)!.data[1]).toBe(2);
    expect(accessUnitMessage(all.at(-1)!, 0)).toBeNull();
    const tags = all.slice(0, -1);
    const messages = tags.map((tag) => {
      const bytes = accessUnitMessage({ ...tag, receivedAt: 1_000 + tag.timestamp }, tag.timestamp);
      return bytes ? decodeAuMessage(bytes) : null;
    });
    const config = messages[0] as Extract<AuMessage, { kind: 'config' }>;
    expect(config.kind).toBe('config');
    expect(config.codec).toMatch(/^avc1\.(42|4d|64)[0-9a-f]{4}$/);
    // The SPS's size (ffprobe says 640x360 for the demo clips), for an MP4 track's header.
    expect([config.width, config.height]).toEqual([640, 360]);
    expect(Array.from(config.description)).toEqual(Array.from(tags[0]!.data.subarray(5)));
    const frames = messages.slice(1) as Extract<AuMessage, { kind: 'frame' }>[];
    expect(frames.length).toBeGreaterThan(20);
    frames.forEach((frame, i) => {
      const tag = tags[i + 1]!;
      expect(frame.kind).toBe('frame');
      expect(frame.keyframe).toBe(videoTagInfo(tag.data).keyframe);
      expect(frame.dts).toBe(tag.timestamp);
      expect(frame.receivedAt).toBe(1_000 + tag.timestamp);
      expect(Array.from(frame.data)).toEqual(Array.from(tag.data.subarray(5)));
      // AVCC: the 4-byte lengths cover the payload exactly.
      let at = 0;
      const view = new DataView(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
      while (at < frame.data.length) at += 4 + view.getUint32(at);
      expect(at).toBe(frame.data.length);
    });
    expect(frames[0]!.keyframe).toBe(true);
  });

  it('carries the composition time into pts', () => {
    const tag: FlvTag = {
      type: FLV_TAG_VIDEO,
      timestamp: 400,
      data: Uint8Array.of(0x27, 1, 0xff, 0xff, 0xd8, 0, 0, 0, 1, 0x41),
    };
    expect(decodeAuMessage(accessUnitMessage(tag, 40)!)).toMatchObject({
      dts: 40,
      pts: 0,
      keyframe: false,
    });
    const later = { ...tag, data: Uint8Array.of(0x27, 1, 0, 0, 80, 0, 0, 0, 1, 0x41) };
    expect(decodeAuMessage(accessUnitMessage(later, 40)!)).toMatchObject({ pts: 120 });
  });

  it('makes H.265 (enhanced FLV) messages with the codec string WebCodecs expects', () => {
    const first = H265_PICTURES[0]!;
    const record = hevcDecoderConfigurationRecord(
      setsOf(first, 'h265', 'vps'),
      setsOf(first, 'h265', 'sps'),
      setsOf(first, 'h265', 'pps'),
    )!;
    const config = decodeAuMessage(accessUnitMessage(hevcSequenceHeaderTag(record, 0), 0)!);
    expect(config).toMatchObject({
      kind: 'config',
      codec: hevcCodecString(record),
      width: 320,
      height: 180,
    });
    expect(hevcCodecString(record)).toMatch(/^hvc1\.1\.6\.L\d+(\.[0-9A-F]+)*$/);
    const frame = decodeAuMessage(accessUnitMessage(hevcFrameTag(first.nalus, true, 0, 40), 0)!);
    expect(frame).toMatchObject({ kind: 'frame', keyframe: true, dts: 0, pts: 40 });
  });

  it('has no message for script tags, end of sequence, other codecs or short tags', () => {
    const none: FlvTag[] = [
      { type: FLV_TAG_SCRIPT, timestamp: 0, data: Uint8Array.of(2, 0, 1, 0x61) },
      { type: FLV_TAG_VIDEO, timestamp: 0, data: Uint8Array.of(0x17, 2, 0, 0, 0) },
      { type: FLV_TAG_VIDEO, timestamp: 0, data: Uint8Array.of(0x14, 1, 0, 0, 0, 1) },
      { type: FLV_TAG_VIDEO, timestamp: 0, data: Uint8Array.of(0x17, 1, 0) },
      { type: FLV_TAG_VIDEO, timestamp: 0, data: Uint8Array.of(0x17, 0, 0, 0, 0, 0) },
    ];
    for (const tag of none)
      expect(accessUnitMessage(tag, 0), Array.from(tag.data).join(',')).toBeNull();
  });
});

describe('a viewer in the access-unit format', () => {
  it('sends no FLV header and no script tags: a config, then frames on its own timeline', () => {
    const sent: Uint8Array[] = [];
    const viewer = new StreamViewer({
      send: (bytes) => sent.push(bytes),
      bufferedBytes: () => 0,
      close: () => {},
      format: 'au',
    });
    const tags = clipTags();
    const script = tags.find((t) => t.type === FLV_TAG_SCRIPT)!;
    const video = tags.filter((t) => t.type === FLV_TAG_VIDEO);
    const cache = new GopCache();
    cache.add(script);
    cache.add(video[0]!);
    // Joins mid-stream: skips to the next keyframe, which starts its timeline at 0.
    const start = video.findIndex((t, i) => i > 2 && videoTagInfo(t.data).keyframe);
    for (const tag of video.slice(2, start + 3)) {
      const stamped = {
        ...tag,
        timestamp: tag.timestamp + 10_000,
        receivedAt: 5e12 + tag.timestamp,
      };
      viewer.deliverFrame(stamped, videoTagInfo(tag.data).keyframe, cache);
    }
    const messages = sent.map((bytes) => decodeAuMessage(bytes));
    expect(messages.map((m) => m?.kind)).toEqual(['config', 'frame', 'frame', 'frame']);
    expect(messages[1]).toMatchObject({
      keyframe: true,
      dts: 0,
      receivedAt: 5e12 + video[start]!.timestamp,
    });
    expect(messages[3]).toMatchObject({
      dts: video[start + 2]!.timestamp - video[start]!.timestamp,
    });
    expect(viewer.framesSkipped).toBe(start - 2);
  });
});

describe('codec strings', () => {
  it('reads avc1.PPCCLL from an AVC record and refuses what is not one', () => {
    expect(avcCodecString(Uint8Array.of(1, 0x64, 0x00, 0x28, 0xff, 0xe1, 0))).toBe('avc1.640028');
    expect(avcCodecString(Uint8Array.of(1, 0x64, 0x00))).toBeNull();
    expect(avcCodecString(Uint8Array.of(0, 0x64, 0x00, 0x28, 0xff, 0xe1, 0))).toBeNull();
  });

  it('writes the HEVC profile, reversed compatibility flags, tier, level and constraints', () => {
    const record = new Uint8Array(23);
    record[0] = 1;
    record.set([0x01, 0x60, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 93], 1); // Main, Main compatible, L3.1
    expect(hevcCodecString(record)).toBe('hvc1.1.6.L93.B0');
    record.set([0x22, 0x20, 0, 0, 0], 1); // tier High, Main 10, compatible with profile 2
    expect(hevcCodecString(record)).toBe('hvc1.2.4.H93.B0');
    expect(hevcCodecString(record.subarray(0, 20))).toBeNull();
  });
});
