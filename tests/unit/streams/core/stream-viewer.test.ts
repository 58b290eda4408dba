// StreamViewer alone, against a GopCache it is handed: what a waiting or congested viewer is
// sent, and where congestion starts. The session tests cover it through StreamSession; these
// pin the branches a real clip never reaches (no script tag) and the exact congestion bound.
import { describe, expect, it } from 'vitest';
import { GopCache } from '../../../../electron/streams/core/gop-cache';
import {
  StreamViewer,
  VIEWER_MAX_BUFFERED_BYTES,
  type ViewerSink,
} from '../../../../electron/streams/core/stream-viewer';
import { readClockMark } from '../../../../electron/streams/flv/clock-mark';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import {
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';

const script: FlvTag = { type: FLV_TAG_SCRIPT, timestamp: 0, data: Uint8Array.of(2, 0, 1, 0x61) };
const config: FlvTag = {
  type: FLV_TAG_VIDEO,
  timestamp: 0,
  data: Uint8Array.of(0x17, 0, 0, 0, 0, 1),
};
const key = (ts: number): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: ts,
  data: Uint8Array.of(0x17, 1, 0, 0, 0, ts & 0xff),
});
const inter = (ts: number): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: ts,
  data: Uint8Array.of(0x27, 1, 0, 0, 0, ts & 0xff),
});

class Sink implements ViewerSink {
  readonly chunks: Uint8Array[] = [];
  buffered = 0;
  send(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  closedWith: string | undefined;
  close(reason: string): void {
    this.closedWith = reason;
  }
  /** The tags a player would read, after checking the stream parses. */
  tags(): FlvTag[] {
    const reader = new FlvReader();
    const results = this.chunks.flatMap((c) => reader.push(c));
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
    return results.flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
  }
}

function cacheWith(...tags: FlvTag[]): GopCache {
  const cache = new GopCache();
  for (const tag of tags) cache.add(tag);
  return cache;
}

describe('StreamViewer', () => {
  it('starts a waiting viewer at a keyframe with the cached script and configuration first', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const cache = cacheWith(script, config);
    viewer.deliverFrame(inter(40), false, cache);
    viewer.deliverFrame(key(80), true, cache);
    viewer.deliverFrame(inter(120), false, cache);
    // The viewer's own timeline starts at its first picture; what was cached before it, at 0.
    expect(sink.tags()).toEqual([
      { ...script, timestamp: 0 },
      { ...config, timestamp: 0 },
      { ...key(80), timestamp: 0 },
      { ...inter(120), timestamp: 40 },
    ]);
    expect(viewer.waitingForKeyframe).toBe(false);
    expect(viewer.framesSkipped).toBe(1);
  });

  it('renews its timeline 20 days in, before a player’s 32-bit time runs out', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const cache = cacheWith(config);
    const start = 3 * 2 ** 32; // a session that has run a long time already
    viewer.deliverFrame(key(start), true, cache);
    viewer.deliverFrame(inter(start + 20 * 86_400_000 - 40), false, cache);
    expect(sink.tags().at(-1)!.timestamp).toBe(20 * 86_400_000 - 40);
    expect(sink.closedWith).toBeUndefined();
    viewer.deliverFrame(inter(start + 20 * 86_400_000), false, cache);
    viewer.deliverFrame(inter(start + 20 * 86_400_000 + 40), false, cache);
    expect(sink.closedWith).toBe('timeline renewal');
    expect(sink.tags()).toHaveLength(3); // nothing after the renewal
  });

  it('starts with the configuration alone when the upstream sent no script tag', () => {
    // RTSP sources produce no script (metadata) tag.
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    viewer.deliverFrame(key(0), true, cacheWith(config));
    expect(sink.tags()).toEqual([config, key(0)]);
  });

  it('waits through keyframes while there is no configuration, counting what it skips', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const empty = new GopCache();
    viewer.deliverFrame(key(0), true, empty);
    viewer.deliverFrame(inter(40), false, empty);
    expect(sink.tags()).toEqual([]);
    expect(viewer.waitingForKeyframe).toBe(true);
    expect(viewer.framesSkipped).toBe(2);
  });

  it('is congested above VIEWER_MAX_BUFFERED_BYTES (4 MiB), not at it', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    sink.buffered = 4 * 1024 * 1024;
    expect(VIEWER_MAX_BUFFERED_BYTES).toBe(sink.buffered);
    expect(viewer.isCongested).toBe(false);
    const cache = cacheWith(config);
    viewer.deliverFrame(key(0), true, cache);
    expect(sink.tags()).toEqual([config, key(0)]);
    sink.buffered += 1;
    expect(viewer.isCongested).toBe(true);
  });

  it('skips to the next keyframe once congested, and resumes there when drained', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const cache = cacheWith(script, config);
    viewer.deliverFrame(key(0), true, cache);
    sink.buffered = VIEWER_MAX_BUFFERED_BYTES + 1;
    viewer.deliverFrame(inter(40), false, cache);
    viewer.deliverFrame(key(80), true, cache); // still congested: a keyframe is skipped too
    sink.buffered = 0;
    viewer.deliverFrame(inter(120), false, cache); // drained, but mid-GOP
    viewer.deliverFrame(key(160), true, cache);
    expect(sink.tags()).toEqual([script, config, key(0), script, config, key(160)]);
    expect(viewer.framesSkipped).toBe(3);
  });

  it('announces a video-only FLV stream before anything else', () => {
    const sink = new Sink();
    new StreamViewer(sink);
    expect(new FlvReader().push(sink.chunks[0]!)).toEqual([
      { kind: 'header', audio: false, video: true },
    ]);
  });

  it('sends a clock mark and the frame it marks in one send, and every frame in one of its own', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const cache = cacheWith(config);
    const at = 1_764_000_000_000;
    viewer.deliverFrame({ ...key(0), receivedAt: at }, true, cache);
    viewer.deliverFrame({ ...inter(40), receivedAt: at + 40 }, false, cache); // no mark: < 250 ms
    viewer.deliverFrame({ ...inter(280), receivedAt: at + 280 }, false, cache);
    const perSend = sink.chunks.slice(1).map((chunk) => {
      const reader = new FlvReader();
      reader.push(sink.chunks[0]!); // the stream header
      const results = reader.push(chunk);
      return results.map((r) => (r.kind === 'tag' ? (readClockMark(r.tag) ?? r.tag.type) : r));
    });
    expect(perSend).toEqual([
      [FLV_TAG_VIDEO], // the configuration
      [{ t: 0, at }, FLV_TAG_VIDEO],
      [FLV_TAG_VIDEO],
      [{ t: 280, at: at + 280 }, FLV_TAG_VIDEO],
    ]);
  });

  it('never writes again into bytes it has sent (a socket may still be sending them)', () => {
    const sink = new Sink();
    const viewer = new StreamViewer(sink);
    const cache = cacheWith(script, config);
    const frame = (ts: number, size: number): FlvTag => ({
      type: FLV_TAG_VIDEO,
      timestamp: ts,
      data: Uint8Array.from({ length: size }, (_, i) => (i === 0 ? 0x27 : i === 1 ? 1 : ts + i)),
      receivedAt: ts,
    });
    viewer.deliverFrame({ ...key(0), receivedAt: 0 }, true, cache);
    // Enough tags, small and large, to fill several shared slabs.
    const sent = Array.from({ length: 400 }, (_, i) =>
      frame(40 * (i + 1), 50 + ((i * 997) % 20_000)),
    );
    const copies: number[][] = [];
    for (const tag of sent) {
      viewer.deliverFrame(tag, false, cache);
      copies.push([...sink.chunks.at(-1)!]);
    }
    expect(sink.chunks.slice(-sent.length).map((chunk) => [...chunk])).toEqual(copies);
    const frames = sink.tags().filter((tag) => tag.type === FLV_TAG_VIDEO);
    expect(frames.slice(-sent.length).map((tag) => [...tag.data])).toEqual(
      sent.map((tag) => [...tag.data]),
    );
  });

  it('encodes nothing for a viewer that discards what it is sent (the background watch)', () => {
    const sends: Uint8Array[] = [];
    const viewer = new StreamViewer({
      send: (bytes) => sends.push(bytes),
      bufferedBytes: () => 0,
      close: () => {},
      discards: true,
    });
    const cache = cacheWith(script, config);
    viewer.deliverFrame(key(0), true, cache);
    viewer.deliverFrame(inter(40), false, cache);
    viewer.sendTags([script, config, key(80)]);
    expect(sends).toEqual([]);
  });
});
