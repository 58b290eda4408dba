// From TS bytes to FLV tags through TsStreamFeed: sequence header first, composition times
// for B-frames, waiting for an IDR after a loss, and the failures a user can act on.
import { describe, expect, it } from 'vitest';
import { videoTagInfo, type FlvTag } from '../../../../../electron/streams/flv/flv-tag';
import {
  MAX_GARBAGE_BYTES,
  TsStreamFeed,
} from '../../../../../electron/streams/protocols/http-ts/ts-stream-feed';
import type { SourceFailure } from '../../../../../electron/streams/core/source';
import type { VideoCodec } from '../../../../../electron/contract/wall-contract';
import {
  H264_TS,
  H265_TS,
  VIDEO_PID,
  cat,
  isStart,
  packets,
  patPacket,
  pidOf,
  pmtPacket,
  prng,
} from './ts-samples';

function feed(chunks: Uint8Array[]) {
  const tags: FlvTag[] = [];
  const codecs: VideoCodec[] = [];
  const ends: SourceFailure[] = [];
  const f = new TsStreamFeed(
    { onTag: (t) => tags.push(t), onCodec: (c) => codecs.push(c), onEnd: (e) => ends.push(e) },
    'Cẩm Đoài · Quầy 1',
  );
  for (const chunk of chunks) if (!f.push(chunk)) break;
  return { tags, codecs, ends, f };
}

const info = (t: FlvTag) => videoTagInfo(t.data);
const frames = (tags: FlvTag[]) => tags.filter((t) => !info(t).sequenceHeader);
/** SI24 composition time of an AVC frame tag (bytes 2-4). */
const avcCts = (t: FlvTag) => ((t.data[2]! << 24) | (t.data[3]! << 16) | (t.data[4]! << 8)) >> 8;

describe('TsStreamFeed: H.264 with B-frames', () => {
  const { tags, codecs, ends } = feed([H264_TS]);

  it('sends the AVC sequence header, then an IDR, and reports h264 once', () => {
    expect(ends).toEqual([]);
    expect(codecs).toEqual(['h264']);
    expect(info(tags[0]!)).toEqual({ keyframe: true, sequenceHeader: true, codec: 'h264' });
    expect(info(tags[1]!)).toMatchObject({ keyframe: true, sequenceHeader: false });
    // 50 pictures; the last waits for a next PES start that a finished file never sends.
    expect(frames(tags)).toHaveLength(49);
    expect(frames(tags).filter((t) => info(t).keyframe)).toHaveLength(2);
  });

  it('uses DTS for the timestamp, from 0 in 40 ms steps', () => {
    frames(tags).forEach((t, i) => expect(t.timestamp).toBe(i * 40));
  });

  it('writes PTS − DTS as the composition time, so presentation order is restored', () => {
    // ffprobe -show_packets on the fixture: the IDR has PTS − DTS = 7200 ticks (80 ms), then
    // the P picture after it 160 ms, its B pictures 40 ms.
    const gop = frames(tags).slice(0, 25);
    expect(gop.slice(0, 3).map(avcCts)).toEqual([80, 160, 40]);
    // Presentation times of one GOP are its decode times shifted by the reorder delay.
    const shown = gop.map((t) => t.timestamp + avcCts(t)).sort((a, b) => a - b);
    expect(shown).toEqual(gop.map((t) => t.timestamp + 80));
  });

  it('after a lost packet, drops pictures until the next IDR', () => {
    const all = packets(H264_TS);
    const lost = all.findIndex((p, i) => i > 40 && pidOf(p) === VIDEO_PID && !isStart(p));
    const damaged = feed([cat([...all.slice(0, lost), ...all.slice(lost + 1)])]);
    expect(damaged.ends).toEqual([]);
    const got = frames(damaged.tags);
    const before = got.findIndex((t, i) => i > 0 && info(t).keyframe);
    // Everything after the loss up to the second IDR is gone; the IDR itself comes through.
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(24);
    expect(got[before]!.timestamp).toBe(25 * 40);
    expect(damaged.f.stats.droppedPictures).toBeGreaterThan(0);
  });
});

describe('TsStreamFeed: H.265', () => {
  it('sends enhanced-FLV hvc1 tags and reports h265', () => {
    const { tags, codecs, ends } = feed([H265_TS]);
    expect(ends).toEqual([]);
    expect(codecs).toEqual(['h265']);
    expect(info(tags[0]!)).toEqual({ keyframe: true, sequenceHeader: true, codec: 'h265' });
    expect(info(tags[1]!)).toEqual({ keyframe: true, sequenceHeader: false, codec: 'h265' });
  });
});

describe('TsStreamFeed failures', () => {
  it('ends as protocol-error (malformed) on random bytes, in words, and then refuses more', () => {
    const rnd = prng(7);
    const noise = new Uint8Array(64 * 1024).map(() => Math.floor(rnd() * 256));
    const { ends, tags, f } = feed([noise.subarray(0, 1000), noise.subarray(1000)]);
    expect(tags).toEqual([]);
    expect(ends).toEqual([
      {
        code: 'protocol-error',
        reason: 'malformed-stream',
        message: expect.stringMatching(
          /Quầy 1.*not MPEG-TS video.*Check that the URL points to a live MPEG-TS stream/,
        ),
        // What the demuxer found, alone, for the camera form's details line.
        detail: expect.not.stringMatching(/Quầy 1|Check/),
      },
    ]);
    expect(f.push(noise)).toBe(false);
    expect(ends).toHaveLength(1);
  });

  it('lets a short HTML page pass until the server closes, then calls it malformed', () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>nginx</body></html>');
    const { ends, f } = feed([html]);
    expect(ends).toEqual([]);
    f.serverClosed({ code: 'ended', message: 'ended' });
    expect(ends[0]).toMatchObject({ code: 'protocol-error', reason: 'malformed-stream' });
    expect(ends[0]!.message).toMatch(/with no MPEG-TS program and closed/);
  });

  it('passes an ordinary end through once a program was seen', () => {
    const { f, ends } = feed([H264_TS]);
    f.serverClosed({ code: 'ended', message: 'ended' });
    expect(ends).toEqual([{ code: 'ended', message: 'ended' }]);
  });

  it('does not call a burst of garbage in a healthy stream malformed', () => {
    const all = packets(H264_TS);
    const burst = new Uint8Array(MAX_GARBAGE_BYTES + 100).fill(0x20);
    const { ends, tags } = feed([cat([...all, burst, ...all, ...all])]);
    expect(ends).toEqual([]);
    expect(frames(tags).length).toBeGreaterThan(100);
  });

  it('ends as unsupported-codec naming MPEG-2, and as no-video-track without video', () => {
    const mpeg2 = feed([cat([patPacket(0x1000), pmtPacket(0x1000, [[0x02, 0x100]])])]);
    expect(mpeg2.ends[0]).toMatchObject({
      code: 'unsupported-codec',
      message: expect.stringContaining('MPEG-2 video'),
    });
    const audio = feed([cat([patPacket(0x1000), pmtPacket(0x1000, [[0x0f, 0x101]])])]);
    expect(audio.ends[0]).toMatchObject({ code: 'no-video-track', reason: 'no-video-track' });
  });
});
