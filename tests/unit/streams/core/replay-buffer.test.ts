import { describe, expect, it } from 'vitest';
import {
  FLV_TAG_AUDIO,
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';
import { ReplayBuffer } from '../../../../electron/streams/core/replay-buffer';

const script: FlvTag = { type: FLV_TAG_SCRIPT, timestamp: 0, data: new Uint8Array([2]) };
const config = (marker = 0): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: 0,
  data: new Uint8Array([0x17, 0, 0, 0, 0, 1, marker]),
});
const frame = (ts: number, keyframe: boolean, size = 100): FlvTag => {
  const data = new Uint8Array(size);
  data.set([keyframe ? 0x17 : 0x27, 1, 0, 0, 0]);
  return { type: FLV_TAG_VIDEO, timestamp: ts, data };
};

/** Feeds `seconds` of 25 fps video with a keyframe every `gopMs`; receive time = 1e12 + ts. */
function feed(buffer: ReplayBuffer, fromMs: number, toMs: number, gopMs = 2_000, size = 100) {
  for (let ts = fromMs; ts < toMs; ts += 40) {
    buffer.add(frame(ts, ts % gopMs === 0, size), 1e12 + ts);
  }
}

const pictures = (tags: FlvTag[]) =>
  tags.filter((t) => t.type === FLV_TAG_VIDEO && !videoTagInfo(t.data).sequenceHeader);

describe('ReplayBuffer', () => {
  it('holds nothing until a configuration and a keyframe, and starts at that keyframe', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    buffer.add(frame(0, true), 1);
    expect(buffer.clip(10)).toBeNull();
    buffer.add(config(), 1);
    buffer.add(frame(40, false), 2);
    expect(buffer.clip(10)).toBeNull();
    buffer.add(frame(80, true), 3);
    buffer.add(frame(120, false), 4);
    const clip = buffer.clip(10)!;
    expect(clip.tags.map((t) => t.timestamp)).toEqual([0, 80, 120]);
    expect(videoTagInfo(clip.tags[0]!.data).sequenceHeader).toBe(true);
    expect(clip.startTimestamp).toBe(80);
    expect(clip.startReceivedAt).toBe(3);
  });

  it('bounds by time: keeps at least the last maxMs, from a keyframe, never a GOP more', () => {
    const buffer = new ReplayBuffer({ maxMs: 10_000, maxBytes: 1e9 });
    buffer.add(config(), 0);
    feed(buffer, 0, 30_000);
    // Newest frame 29 960: the clip must reach back to 19 960, so it starts at 18 000.
    expect(buffer.spanMs).toBe(29_960 - 18_000);
    expect(buffer.clip(60)!.startTimestamp).toBe(18_000);
  });

  it('bounds by bytes, dropping whole GOPs so the oldest frame held is a keyframe', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 50 * 1_000 });
    buffer.add(config(), 0);
    feed(buffer, 0, 20_000, 2_000, 1_000);
    expect(buffer.byteCount).toBeLessThanOrEqual(50_000);
    // 50 frames of 1 000 bytes per GOP: only one full GOP fits beside the one being filled.
    const clip = buffer.clip(60)!;
    expect(videoTagInfo(pictures(clip.tags)[0]!.data).keyframe).toBe(true);
    expect(clip.startTimestamp % 2_000).toBe(0);
    expect(buffer.byteCount).toBe(pictures(clip.tags).reduce((n, t) => n + t.data.length, 0));
  });

  it('starts a clip at the latest keyframe at or before N seconds back', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    buffer.add(script, 0);
    buffer.add(config(), 0);
    feed(buffer, 0, 40_000, 3_000);
    const clip = buffer.clip(10)!;
    // Newest 39 960 → target 29 960 → keyframe 27 000.
    expect(clip.startTimestamp).toBe(27_000);
    expect(clip.startReceivedAt).toBe(1e12 + 27_000);
    expect(clip.tags[0]).toBe(script);
    expect(pictures(clip.tags).at(-1)!.timestamp).toBe(39_960);
    expect(pictures(clip.tags).every((t) => t.receivedAt === 1e12 + t.timestamp)).toBe(true);
    // Further back than it holds: the oldest keyframe.
    expect(buffer.clip(600)!.startTimestamp).toBe(0);
  });

  it('puts a configuration change in before the first frame that needs it', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    buffer.add(config(1), 0);
    feed(buffer, 0, 4_000);
    buffer.add(config(2), 0);
    buffer.add(frame(4_000, true), 0);
    const tags = buffer.clip(60)!.tags;
    const configs = tags.filter((t) => videoTagInfo(t.data).sequenceHeader);
    expect(configs.map((t) => t.data.at(-1))).toEqual([1, 2]);
    expect(tags[tags.length - 2]!.data.at(-1)).toBe(2);
  });

  it('keeps no frame of a new connection before its first keyframe', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    buffer.add(config(), 0);
    feed(buffer, 0, 1_000);
    buffer.breakGop();
    buffer.add(frame(1_000, false), 0);
    buffer.add(frame(1_040, true), 0);
    buffer.add(frame(1_080, false), 0);
    const times = pictures(buffer.clip(60)!.tags).map((t) => t.timestamp);
    expect(times).not.toContain(1_000);
    expect(times.slice(-2)).toEqual([1_040, 1_080]);
  });

  it('ignores audio and keeps nothing when its length is 0', () => {
    const off = new ReplayBuffer({ maxMs: 0, maxBytes: 1e9 });
    off.add(config(), 0);
    feed(off, 0, 4_000);
    expect(off.clip(10)).toBeNull();
    expect(off.byteCount).toBe(0);
    const on = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    on.add(config(), 0);
    on.add(frame(0, true), 0);
    on.add({ type: FLV_TAG_AUDIO, timestamp: 10, data: new Uint8Array(500) }, 0);
    expect(on.byteCount).toBe(100);
  });

  it('frees its memory when cleared', () => {
    const buffer = new ReplayBuffer({ maxMs: 60_000, maxBytes: 1e9 });
    buffer.add(config(), 0);
    feed(buffer, 0, 10_000);
    expect(buffer.byteCount).toBe(250 * 100);
    buffer.clear();
    expect(buffer.byteCount).toBe(0);
    expect(buffer.clip(10)).toBeNull();
    // Cleared means the configuration went too: frames need a new one.
    buffer.add(frame(10_000, true), 0);
    expect(buffer.clip(10)).toBeNull();
  });
});
