import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  keyframeIndexNear,
  loadDemoClip,
  type DemoClip,
} from '../../../../../electron/streams/protocols/demo/demo-clip';
import { createDemoSource } from '../../../../../electron/streams/protocols/demo/demo-source';
import { videoTagInfo, type FlvTag } from '../../../../../electron/streams/flv/flv-tag';
import { encodeFlvHeader, encodeFlvTag } from '../../../../../electron/streams/flv/flv-writer';
import type { SourceFailure } from '../../../../../electron/streams/core/source';

const DEMO_DIR = join(__dirname, '../../../../../assets/demo');

/** 5 frames at 25 fps (200 ms), keyframes at 0 and 80 ms; frame i's body ends with byte i. */
function tinyClip(): DemoClip {
  const frames = [0, 1, 2, 3, 4].map((i) => ({
    timestamp: i * 40,
    keyframe: i === 0 || i === 2,
    data: Uint8Array.of(i === 0 || i === 2 ? 0x17 : 0x27, 1, 0, 0, 0, i),
  }));
  return {
    path: 'tiny.flv',
    scriptTag: { type: 18, timestamp: 0, data: Uint8Array.of(2, 0, 10) },
    sequenceHeader: { type: 9, timestamp: 0, data: Uint8Array.of(0x17, 0, 0, 0, 0, 1, 66) },
    frames,
    frameIntervalMs: 40,
    durationMs: 200,
  };
}

interface Recorded {
  tags: { tag: FlvTag; at: number }[];
  codecs: string[];
  ends: SourceFailure[];
}

function recorder(now: () => number) {
  const rec: Recorded = { tags: [], codecs: [], ends: [] };
  const handlers = {
    onTag: (tag: FlvTag) => rec.tags.push({ tag, at: now() }),
    onCodec: (codec: string) => rec.codecs.push(codec),
    onEnd: (failure: SourceFailure) => rec.ends.push(failure),
  };
  return { rec, handlers };
}

const frameTags = (rec: Recorded) =>
  rec.tags.filter(({ tag }) => tag.type === 9 && !videoTagInfo(tag.data).sequenceHeader);

describe('demo source (fake timers, tiny clip)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (startOffsetMs?: number) => {
    const now = () => Date.now();
    const { rec, handlers } = recorder(now);
    const t0 = Date.now();
    const source = createDemoSource({
      clipPath: 'tiny.flv',
      now,
      loadClip: async () => tinyClip(),
      ...(startOffsetMs === undefined ? {} : { startOffsetMs }),
    })(handlers);
    return { rec, source, t0 };
  };

  it('sends the codec, metadata and sequence header, then a keyframe at timestamp 0', async () => {
    const { rec, source } = start();
    expect(rec.tags).toHaveLength(0); // loading is asynchronous
    await vi.advanceTimersByTimeAsync(0);
    expect(rec.codecs).toEqual(['h264']);
    expect(rec.tags.map(({ tag }) => tag.type)).toEqual([18, 9, 9]);
    expect(videoTagInfo(rec.tags[1]!.tag.data).sequenceHeader).toBe(true);
    const first = rec.tags[2]!.tag;
    expect(videoTagInfo(first.data)).toMatchObject({ keyframe: true, sequenceHeader: false });
    expect(first.timestamp).toBe(0);
    source.close();
  });

  it('loops with continuous, strictly increasing timestamps, paced in real time', async () => {
    const { rec, source, t0 } = start();
    await vi.advanceTimersByTimeAsync(1000); // five loops of the 200 ms clip
    const frames = frameTags(rec);
    expect(frames.map(({ tag }) => tag.timestamp)).toEqual(
      Array.from({ length: 26 }, (_, i) => i * 40),
    );
    // Each frame goes out when its time comes: clock time since start = its timestamp.
    for (const { tag, at } of frames) expect(at - t0).toBe(tag.timestamp);
    // Loop boundaries join on the clip's first frame, a keyframe, and nothing else is re-sent.
    expect(frames.map(({ tag }) => tag.data.at(-1))).toEqual(
      Array.from({ length: 26 }, (_, i) => i % 5),
    );
    expect(videoTagInfo(frames[5]!.tag.data).keyframe).toBe(true);
    expect(rec.tags.filter(({ tag }) => tag.type === 18)).toHaveLength(1);
    expect(rec.tags).toHaveLength(2 + 26); // one script tag, one sequence header, the frames
    expect(rec.ends).toEqual([]);
    source.close();
  });

  it('starts at the keyframe nearest the offset, still at timestamp 0', async () => {
    const { rec, source } = start(90); // keyframe at 80 ms is nearest
    await vi.advanceTimersByTimeAsync(300);
    const frames = frameTags(rec);
    expect(frames.map(({ tag }) => tag.data.at(-1))).toEqual([2, 3, 4, 0, 1, 2, 3, 4]);
    expect(frames.map(({ tag }) => tag.timestamp)).toEqual([0, 40, 80, 120, 160, 200, 240, 280]);
    source.close();
  });

  it('stops on close() and never ends by itself', async () => {
    const { rec, source } = start();
    await vi.advanceTimersByTimeAsync(100);
    const count = rec.tags.length;
    source.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(rec.tags).toHaveLength(count);
    expect(rec.ends).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() before the clip has loaded sends nothing', async () => {
    const { rec, source } = start();
    source.close();
    await vi.advanceTimersByTimeAsync(500);
    expect(rec.tags).toEqual([]);
    expect(rec.codecs).toEqual([]);
  });

  it('a handler may close the source from inside onTag', async () => {
    const now = () => Date.now();
    let seen = 0;
    const source = createDemoSource({
      clipPath: 'tiny.flv',
      now,
      loadClip: async () => tinyClip(),
    })({
      onTag: () => {
        seen += 1;
        if (seen === 4) source.close();
      },
      onEnd: () => {},
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toBe(4);
  });

  it('after a long stall it resumes without a burst, timestamps still continuous', async () => {
    let skew = 0;
    const now = () => Date.now() + skew;
    const { rec, handlers } = recorder(now);
    const log = vi.fn();
    const source = createDemoSource({
      clipPath: 'tiny.flv',
      now,
      log,
      loadClip: async () => tinyClip(),
    })(handlers);
    await vi.advanceTimersByTimeAsync(100);
    const before = frameTags(rec).length;
    skew += 5000; // the machine slept for 5 s
    await vi.advanceTimersByTimeAsync(40);
    const after = frameTags(rec);
    expect(after.length - before).toBeLessThanOrEqual(2);
    const stamps = after.map(({ tag }) => tag.timestamp);
    stamps.forEach((t, i) => i > 0 && expect(t - stamps[i - 1]!).toBe(40));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/behind schedule/));
    source.close();
  });

  it('ends with not-found, asynchronously, when the clip is missing', async () => {
    const { rec, handlers } = recorder(() => Date.now());
    createDemoSource({ clipPath: join(DEMO_DIR, 'no-such-clip.flv') })(handlers);
    expect(rec.ends).toEqual([]);
    await vi.waitFor(() => expect(rec.ends).toHaveLength(1));
    expect(rec.ends[0]).toMatchObject({ code: 'not-found' });
    expect(rec.ends[0]!.message).toMatch(/no-such-clip\.flv/);
  });
});

describe('demo source (real clip, fake clock)', () => {
  // The committed clip is read before the clock is faked; the feed then gets it from memory,
  // so every frame's send time is decided by the fake clock alone, never by this machine.
  let clip: DemoClip;
  beforeAll(async () => {
    clip = await loadDemoClip(join(DEMO_DIR, 'clip-1.flv'));
  });
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays a committed clip at 25 fps, each frame exactly when due', async () => {
    const now = () => Date.now();
    const { rec, handlers } = recorder(now);
    const t0 = now();
    const source = createDemoSource({
      clipPath: clip.path,
      startOffsetMs: 4200,
      now,
      loadClip: async () => clip,
    })(handlers);
    await vi.advanceTimersByTimeAsync(1500);
    source.close();
    const frames = frameTags(rec);
    // 1.5 s at 25 fps: the frames due at 0, 40, … 1480 ms, and none after.
    expect(frames.map(({ tag }) => tag.timestamp)).toEqual(
      Array.from({ length: 38 }, (_, i) => i * 40),
    );
    expect(videoTagInfo(frames[0]!.tag.data).keyframe).toBe(true);
    // Starts at the keyframe nearest 4.2 s into the clip, and plays the clip's own frames.
    const first = keyframeIndexNear(clip, 4200);
    expect(frames.map(({ tag }) => Buffer.from(tag.data))).toEqual(
      clip.frames.slice(first, first + 38).map((f) => Buffer.from(f.data)),
    );
    for (const { tag, at } of frames)
      expect(at - t0, `frame at ${tag.timestamp}`).toBe(tag.timestamp);
    expect(rec.ends).toEqual([]);
  });
});

// The decode check needs ffmpeg, which CI installs (.ci/run): a machine without it fails here
// with what to install, rather than passing a test that checked nothing.
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe('demo source output decodes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('3 s across a loop boundary decode with ffmpeg without errors', async () => {
    if (!hasFfmpeg) {
      throw new Error(
        'ffmpeg is not on PATH; this test decodes the demo feed with it (Debian: apt-get install ffmpeg)',
      );
    }
    const chunks: Uint8Array[] = [encodeFlvHeader({ audio: false, video: true })];
    const stamps: number[] = [];
    const clip = await loadDemoClip(join(DEMO_DIR, 'clip-2.flv'));
    const source = createDemoSource({
      clipPath: clip.path,
      startOffsetMs: 10_000, // 2 s before the end of the 12 s clip, so it loops at 2 s
      now: () => Date.now(),
      loadClip: async () => clip,
    })({
      onTag: (tag) => {
        chunks.push(encodeFlvTag(tag));
        if (tag.type === 9) stamps.push(tag.timestamp);
      },
      onEnd: () => {},
    });
    await vi.advanceTimersByTimeAsync(3000);
    source.close();
    expect(stamps.length).toBe(2 + 75); // sequence header at 0, then frames 0 … 3000 ms
    for (let i = 2; i < stamps.length; i += 1) expect(stamps[i]).toBe(stamps[i - 1]! + 40);

    const file = join(mkdtempSync(join(tmpdir(), 'demo-source-')), 'out.flv');
    writeFileSync(file, Buffer.concat(chunks));
    const run = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
