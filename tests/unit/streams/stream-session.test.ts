import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamStatus } from '../../../electron/contract/wall-contract';
import { DEFAULT_BACKOFF, backoffDelay } from '../../../electron/streams/backoff';
import { FlvReader } from '../../../electron/streams/flv/flv-reader';
import { FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../../../electron/streams/flv/flv-tag';
import type { SourceFailure, SourceHandlers } from '../../../electron/streams/source';
import {
  FAILURE_LOG_INTERVAL_MS,
  StreamSession,
  type SessionTimings,
} from '../../../electron/streams/stream-session';
import type { ViewerSink } from '../../../electron/streams/stream-viewer';

// The demo clip, parsed once: [script, AVC config, keyframe, frames…], 40 ms apart.
const CLIP_TAGS: FlvTag[] = new FlvReader()
  .push(readFileSync(join(__dirname, '../../../assets/demo/clip-1.flv')))
  .flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
const isKey = (t: FlvTag) =>
  t.type === FLV_TAG_VIDEO && videoTagInfo(t.data).keyframe && !videoTagInfo(t.data).sequenceHeader;
const isConfig = (t: FlvTag) => t.type === FLV_TAG_VIDEO && videoTagInfo(t.data).sequenceHeader;
const isFrame = (t: FlvTag) => t.type === FLV_TAG_VIDEO && !videoTagInfo(t.data).sequenceHeader;
const SCRIPT = CLIP_TAGS[0]!;
const CONFIG = CLIP_TAGS.find(isConfig)!;
const FRAMES = CLIP_TAGS.filter(isFrame);
const FIRST_GOP_LENGTH = FRAMES.findIndex((t, i) => i > 0 && isKey(t));

/** One scripted upstream connection attempt. */
class ScriptedSource {
  closed = false;
  constructor(readonly handlers: SourceHandlers) {}

  emit(tags: readonly FlvTag[], intervalMs = 40): void {
    for (const tag of tags) {
      if (isFrame(tag)) vi.advanceTimersByTime(intervalMs);
      this.handlers.onTag(tag);
    }
  }

  /** Script, config and `frames` frames of the clip (from its start, a keyframe). */
  play(frames = FRAMES.length): void {
    this.emit([SCRIPT, CONFIG, ...FRAMES.slice(0, frames)]);
  }

  end(code: SourceFailure['code'], message = `scripted ${code}`): void {
    this.handlers.onEnd({ code, message });
  }
}

class ScriptedUpstream {
  readonly sources: ScriptedSource[] = [];
  readonly factory = (handlers: SourceHandlers) => {
    const source = new ScriptedSource(handlers);
    this.sources.push(source);
    return { close: () => void (source.closed = true) };
  };

  get last(): ScriptedSource {
    const source = this.sources.at(-1);
    if (!source) throw new Error('no connection was opened');
    return source;
  }
}

class RecordingSink implements ViewerSink {
  readonly chunks: Uint8Array[] = [];
  buffered = 0;
  closedWith: string | null = null;
  send(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  close(reason: string): void {
    this.closedWith = reason;
  }
  /** What a player would parse out of the bytes so far. */
  parsed() {
    const reader = new FlvReader();
    const results = this.chunks.flatMap((c) => reader.push(c));
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
    return {
      header: results[0]?.kind === 'header',
      tags: results.flatMap((r) => (r.kind === 'tag' ? [r.tag] : [])),
    };
  }
}

const TIMINGS: SessionTimings = {
  noMediaTimeoutMs: 2_000,
  stallTimeoutMs: 1_000,
  lingerMs: 3_000,
  healthyAfterMs: 4_000,
};

let upstream: ScriptedUpstream;
let statuses: StreamStatus[];
let logs: string[];
let session: StreamSession;

function newSession(timings: Partial<SessionTimings> = TIMINGS): StreamSession {
  return new StreamSession({
    cameraId: 'cam-1',
    quality: 'sub',
    label: 'Cẩm Đoài · Quầy 1',
    factory: upstream.factory,
    timings,
    onStatus: (s) => statuses.push(s),
    log: (line) => logs.push(line),
    random: () => 0, // no jitter: delays are exact
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
  upstream = new ScriptedUpstream();
  statuses = [];
  logs = [];
  session = newSession();
});

afterEach(() => {
  session.close();
  vi.useRealTimers();
});

describe('StreamSession fan-out', () => {
  it('shares one upstream connection between two viewers', () => {
    const a = new RecordingSink();
    const b = new RecordingSink();
    session.attach(a);
    session.attach(b);
    upstream.last.play(30);
    expect(session.connections).toBe(1);
    expect(upstream.sources).toHaveLength(1);
    expect(a.parsed().tags).toEqual(b.parsed().tags);
    expect(a.parsed().tags.filter(isFrame)).toHaveLength(30);
  });

  it('does not connect before the first viewer', () => {
    vi.advanceTimersByTime(60_000);
    expect(session.connections).toBe(0);
    expect(session.currentStatus.state).toBe('idle');
  });

  it('starts a late viewer with the FLV header, then config, then a keyframe', () => {
    session.attach(new RecordingSink());
    upstream.last.play(FIRST_GOP_LENGTH + 5); // into the second GOP
    const late = new RecordingSink();
    session.attach(late);
    expect(late.chunks[0]).toEqual(
      new Uint8Array([0x46, 0x4c, 0x56, 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]),
    );
    const video = late.parsed().tags.filter((t) => t.type === FLV_TAG_VIDEO);
    expect(isConfig(video[0]!)).toBe(true);
    expect(isKey(video[1]!)).toBe(true);
    expect(video.slice(1).filter(isFrame)).toHaveLength(5);
    expect(late.parsed().tags[0]).toEqual(expect.objectContaining({ type: SCRIPT.type }));
  });

  it('gives a viewer attached before any keyframe only the header until a keyframe arrives', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    const source = upstream.last;
    const interFrames = FRAMES.slice(1, 10);
    source.emit([SCRIPT, CONFIG, ...interFrames]);
    expect(sink.chunks).toHaveLength(1);
    expect(sink.parsed()).toEqual({ header: true, tags: [] });

    source.emit([FRAMES[FIRST_GOP_LENGTH]!, FRAMES[FIRST_GOP_LENGTH + 1]!]);
    const video = sink.parsed().tags.filter((t) => t.type === FLV_TAG_VIDEO);
    expect(video.map((t) => (isConfig(t) ? 'config' : isKey(t) ? 'key' : 'inter'))).toEqual([
      'config',
      'key',
      'inter',
    ]);
  });

  it('goes live with the first frame and records when it came', () => {
    session.attach(new RecordingSink());
    expect(session.currentStatus.state).toBe('connecting');
    upstream.last.play(1);
    expect(session.currentStatus).toMatchObject({ state: 'live', retryAt: null, codec: 'h264' });
    expect(session.currentStatus.lastFrameAt).toBe(Date.now());
  });
});

describe('StreamSession watchdogs and reconnects', () => {
  it('reports no-media when no video arrives in time, with a retry scheduled', () => {
    session.attach(new RecordingSink());
    upstream.last.emit([SCRIPT, CONFIG]);
    vi.advanceTimersByTime(TIMINGS.noMediaTimeoutMs + 250);
    const status = session.currentStatus;
    expect(status.state).toBe('no-media');
    expect(status.detail).toMatch(/sent no video/);
    expect(status.retryAt).toBeGreaterThan(Date.now());
    expect(upstream.last.closed).toBe(true);
    vi.advanceTimersByTime(status.retryAt! - Date.now());
    expect(session.connections).toBe(2);
    expect(session.currentStatus.state).toBe('connecting');
  });

  it('reports stalled when video stops, reconnects, and keeps timestamps increasing', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    upstream.last.play(50);
    vi.advanceTimersByTime(TIMINGS.stallTimeoutMs + 250);
    expect(session.currentStatus.state).toBe('stalled');
    expect(upstream.sources[0]!.closed).toBe(true);
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    expect(session.connections).toBe(2);
    upstream.last.play(50); // the new connection starts again at timestamp 0
    expect(session.currentStatus.state).toBe('live');

    const frames = sink.parsed().tags.filter(isFrame);
    expect(frames).toHaveLength(100);
    for (let i = 1; i < frames.length; i += 1) {
      expect(frames[i]!.timestamp, `frame ${i}`).toBeGreaterThan(frames[i - 1]!.timestamp);
    }
    const all = sink.parsed().tags.map((t) => t.timestamp);
    for (let i = 1; i < all.length; i += 1) expect(all[i]).toBeGreaterThanOrEqual(all[i - 1]!);
  });

  it('resumes a viewer at a keyframe when a reconnect starts mid-GOP', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    upstream.last.play(20);
    upstream.last.end('ended');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    const before = sink.parsed().tags.length;
    // An RTSP camera or a gateway without GOP cache starts with inter frames.
    upstream.last.emit([CONFIG, ...FRAMES.slice(3, 8)]);
    const after = sink.parsed().tags.slice(before);
    expect(after.filter(isFrame)).toEqual([]);
    upstream.last.emit([FRAMES[FIRST_GOP_LENGTH]!]);
    const resumed = sink.parsed().tags.slice(before).filter(isFrame);
    expect(resumed).toHaveLength(1);
    expect(isKey(resumed[0]!)).toBe(true);
  });

  it('does not hand a new viewer the previous connection’s GOP followed by the new one’s frames', () => {
    session.attach(new RecordingSink());
    upstream.last.play(20);
    upstream.last.end('ended');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    upstream.last.emit([CONFIG, ...FRAMES.slice(3, 8)]);
    const late = new RecordingSink();
    session.attach(late);
    upstream.last.emit(FRAMES.slice(8, 10));
    const frames = late.parsed().tags.filter(isFrame);
    if (frames.length > 0) expect(isKey(frames[0]!)).toBe(true);
    // Every frame after the first keyframe belongs to one connection: no gap of the reconnect.
    const keyAt = frames.findIndex(isKey);
    const fromKey = frames.slice(Math.max(keyAt, 0));
    for (let i = 1; i < fromKey.length; i += 1) {
      expect(fromKey[i]!.timestamp - fromKey[i - 1]!.timestamp).toBeLessThanOrEqual(40);
    }
  });

  it('waits at least 4 minutes after a refused login, never a fast loop', () => {
    session = newSession();
    session.attach(new RecordingSink());
    // Worst case for jitter: the largest random draw gives the shortest delay.
    upstream.last.end('auth-failed', "Camera 'x': refused the credentials (HTTP 401).");
    const status = session.currentStatus;
    expect(status.state).toBe('auth-failed');
    expect(status.retryAt! - Date.now()).toBeGreaterThanOrEqual(4 * 60_000);
    vi.advanceTimersByTime(4 * 60_000 - 1);
    expect(session.connections).toBe(1);
  });

  it('keeps a refused login at least 4 minutes apart even with the worst jitter', () => {
    session.close();
    session = new StreamSession({
      cameraId: 'cam-1',
      quality: 'sub',
      label: 'x',
      factory: upstream.factory,
      timings: TIMINGS,
      onStatus: () => {},
      log: () => {},
      random: () => 0.999_999,
    });
    session.attach(new RecordingSink());
    for (let i = 0; i < 3; i += 1) {
      upstream.last.end('auth-failed');
      expect(session.currentStatus.retryAt! - Date.now()).toBeGreaterThanOrEqual(4 * 60_000);
      vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    }
    expect(session.connections).toBe(4);
  });

  it('grows the delay on repeated failures and resets it after a healthy connection', () => {
    session.attach(new RecordingSink());
    const delays: number[] = [];
    const failOnce = () => {
      upstream.last.end('unreachable');
      const delay = session.currentStatus.retryAt! - Date.now();
      delays.push(delay);
      vi.advanceTimersByTime(delay);
    };
    failOnce();
    failOnce();
    failOnce();
    const network = (attempt: number) => backoffDelay(DEFAULT_BACKOFF, attempt, () => 0);
    expect(delays).toEqual([network(0), network(1), network(2)]);
    expect(delays[2]).toBeGreaterThan(delays[0]!);
    expect(session.currentStatus.state).toBe('connecting');

    upstream.last.play(150); // 6 s of video: longer than healthyAfterMs
    failOnce();
    expect(delays.at(-1)).toBe(network(0));
  });

  it('does not reset the delay for a connection that was live only briefly', () => {
    session.attach(new RecordingSink());
    upstream.last.end('unreachable');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    upstream.last.play(10); // 0.4 s of video
    upstream.last.end('ended');
    expect(session.currentStatus.state).toBe('stalled');
    expect(session.currentStatus.retryAt! - Date.now()).toBe(
      backoffDelay(DEFAULT_BACKOFF, 1, () => 0),
    );
  });

  it('does not throw or loop when a factory fails synchronously', () => {
    session.close();
    let calls = 0;
    session = newSession();
    (session as unknown as { options: { factory: unknown } }).options.factory = (
      handlers: SourceHandlers,
    ) => {
      calls += 1;
      handlers.onEnd({ code: 'unreachable', message: 'refused at once' });
      return { close: () => {} };
    };
    session.attach(new RecordingSink());
    expect(calls).toBe(1);
    expect(session.currentStatus.state).toBe('unreachable');
    vi.advanceTimersByTime(1_000);
    expect(calls).toBe(2);
  });

  it('turns a factory that throws into an error status with a retry, not an exception', () => {
    session.close();
    session = newSession();
    (session as unknown as { options: { factory: unknown } }).options.factory = () => {
      throw new TypeError('Invalid URL: http://user:secret@bad host/');
    };
    expect(() => session.attach(new RecordingSink())).not.toThrow();
    expect(session.currentStatus.state).toBe('error');
    expect(session.currentStatus.retryAt).not.toBeNull();
    expect(JSON.stringify(session.currentStatus)).not.toContain('secret');
  });

  it('ignores tags and failures from a connection it has already given up on', () => {
    session.attach(new RecordingSink());
    const first = upstream.last;
    vi.advanceTimersByTime(TIMINGS.noMediaTimeoutMs + 250);
    expect(session.currentStatus.state).toBe('no-media');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    const second = upstream.last;
    expect(second).not.toBe(first);
    // A misbehaving source that keeps talking after close():
    first.play(5);
    first.end('ended');
    expect(second.closed).toBe(false);
    expect(session.currentStatus.state).toBe('connecting');
  });
});

describe('StreamSession viewers leaving, congestion and close', () => {
  it('closes the upstream lingerMs after the last viewer leaves, then goes idle', () => {
    session = newSession({ ...TIMINGS, stallTimeoutMs: 60_000 });
    const detachA = session.attach(new RecordingSink());
    const detachB = session.attach(new RecordingSink());
    upstream.last.play(10);
    detachA();
    vi.advanceTimersByTime(TIMINGS.lingerMs * 2);
    expect(upstream.last.closed).toBe(false);
    detachB();
    vi.advanceTimersByTime(TIMINGS.lingerMs - 1);
    expect(upstream.last.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(upstream.last.closed).toBe(true);
    expect(session.connections).toBe(1);
    expect(session.currentStatus).toMatchObject({ state: 'idle', retryAt: null });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the upstream when a viewer comes back within lingerMs (a layout switch)', () => {
    const detach = session.attach(new RecordingSink());
    const source = upstream.last;
    source.play(10);
    detach();
    source.emit(FRAMES.slice(10, 20)); // 0.4 s later
    const again = new RecordingSink();
    session.attach(again);
    source.emit(FRAMES.slice(20, FIRST_GOP_LENGTH + 120)); // several seconds, past lingerMs
    expect(session.connections).toBe(1);
    expect(source.closed).toBe(false);
    expect(session.currentStatus.state).toBe('live');
    expect(isKey(again.parsed().tags.filter(isFrame)[0]!)).toBe(true);
  });

  it('stops retrying once the last viewer has left and the linger ran out', () => {
    const detach = session.attach(new RecordingSink());
    upstream.last.end('unreachable');
    detach();
    vi.advanceTimersByTime(TIMINGS.lingerMs);
    expect(session.currentStatus.state).toBe('idle');
    const opened = session.connections;
    vi.advanceTimersByTime(30 * 60_000);
    expect(session.connections).toBe(opened);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('detaching twice is harmless', () => {
    const detach = session.attach(new RecordingSink());
    session.attach(new RecordingSink());
    detach();
    detach();
    expect(session.viewerCount).toBe(1);
  });

  it('skips a congested viewer to the next keyframe instead of queueing', () => {
    const slow = new RecordingSink();
    const fast = new RecordingSink();
    session.attach(slow);
    session.attach(fast);
    const source = upstream.last;
    source.play(5);
    slow.buffered = 64 * 1024 * 1024;
    source.emit(FRAMES.slice(5, 10));
    expect(slow.parsed().tags.filter(isFrame)).toHaveLength(5);
    slow.buffered = 0; // the socket drained, but mid-GOP: still wait for a keyframe
    source.emit(FRAMES.slice(10, FIRST_GOP_LENGTH));
    expect(slow.parsed().tags.filter(isFrame)).toHaveLength(5);
    source.emit(FRAMES.slice(FIRST_GOP_LENGTH, FIRST_GOP_LENGTH + 2));
    const tail = slow.parsed().tags.slice(-3);
    expect(isConfig(tail[0]!)).toBe(true);
    expect(isKey(tail[1]!)).toBe(true);
    expect(fast.parsed().tags.filter(isFrame)).toHaveLength(FIRST_GOP_LENGTH + 2);
  });

  it('close() closes every viewer and the upstream and leaves no timer behind', () => {
    const a = new RecordingSink();
    const b = new RecordingSink();
    session.attach(a);
    session.attach(b);
    upstream.last.play(5);
    session.close();
    expect(a.closedWith).toBe('session closed');
    expect(b.closedWith).toBe('session closed');
    expect(upstream.last.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() during a pending retry or linger leaves no timer behind', () => {
    session.attach(new RecordingSink());
    upstream.last.end('unreachable');
    session.close();
    expect(vi.getTimerCount()).toBe(0);

    session = newSession();
    const detach = session.attach(new RecordingSink());
    upstream.last.play(3);
    detach();
    session.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a viewer attaching after close() is closed at once and opens nothing', () => {
    session.close();
    const sink = new RecordingSink();
    session.attach(sink);
    expect(sink.closedWith).toBe('session closed');
    expect(session.connections).toBe(0);
  });

  it('treats a source that reports closed by itself as a failure, and retries with backoff', () => {
    session.attach(new RecordingSink());
    upstream.last.end('closed');
    // Not stuck in 'connecting' forever: the tile says something went wrong, and a retry waits.
    expect(session.currentStatus.state).toBe('error');
    expect(session.currentStatus.retryAt).not.toBeNull();
    vi.advanceTimersByTime(DEFAULT_BACKOFF.maxMs);
    expect(session.connections).toBeGreaterThanOrEqual(2);
  });

  it('does not reconnect for nobody when the last viewer left during a pending retry', () => {
    const detach = session.attach(new RecordingSink());
    upstream.last.end('unreachable');
    detach();
    vi.advanceTimersByTime(DEFAULT_BACKOFF.maxMs);
    expect(session.connections).toBe(1);
    expect(session.currentStatus.state).toBe('idle');
  });

  it('logs a failure that repeats on every retry once, and logs when video is back', () => {
    session.attach(new RecordingSink());
    for (let i = 0; i < 5; i += 1) {
      upstream.last.end('unreachable', "Camera 'X': cannot reach the server.");
      vi.advanceTimersByTime(DEFAULT_BACKOFF.maxMs);
    }
    expect(logs.filter((l) => l.includes('cannot reach'))).toHaveLength(1);
    // Ten minutes on, it is reported again, with the number of repeats in between.
    vi.advanceTimersByTime(FAILURE_LOG_INTERVAL_MS);
    while (session.currentStatus.state !== 'connecting') vi.advanceTimersByTime(100);
    upstream.last.end('unreachable', "Camera 'X': cannot reach the server.");
    const reports = logs.filter((l) => l.includes('cannot reach'));
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatch(/\(\d+ more times since the last report\)/);
  });

  it('logs the failure with the camera label and quality', () => {
    session.attach(new RecordingSink());
    upstream.last.end('not-found', "Camera 'Cẩm Đoài · Quầy 1': no such stream (HTTP 404).");
    expect(logs).toEqual([
      "Cẩm Đoài · Quầy 1 [sub]: Camera 'Cẩm Đoài · Quầy 1': no such stream (HTTP 404).",
    ]);
    expect(session.currentStatus.state).toBe('not-found');
  });
});
