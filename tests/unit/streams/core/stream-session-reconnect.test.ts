import { describe, expect, it, vi } from 'vitest';
import type { SourceHandlers } from '../../../../electron/streams/core/source';
import { DEFAULT_BACKOFF, backoffDelay } from '../../../../electron/streams/core/backoff';
import { StreamSession } from '../../../../electron/streams/core/stream-session';
import {
  CONFIG,
  FIRST_GOP_LENGTH,
  FRAMES,
  RecordingSink,
  SCRIPT,
  TIMINGS,
  installSessionHarness,
  isConfig,
  isFrame,
  isKey,
  newSession,
  session,
  upstream,
  useSession,
} from './support/session-harness';

// StreamSession: watchdogs, backoff and reconnects.
installSessionHarness();

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
    // While it retries, the tile goes on saying what is wrong, and since when.
    expect(session.currentStatus).toMatchObject({
      state: 'no-media',
      since: status.since,
      retryAt: null,
    });
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
    // The new connection starts mid-GOP: its inter frames follow pictures no viewer has.
    upstream.last.emit([CONFIG, ...FRAMES.slice(3, 8)]);
    const late = new RecordingSink();
    session.attach(late);
    upstream.last.emit(FRAMES.slice(8, 10));
    // Neither the old connection's cached GOP nor the new one's orphaned inter frames.
    expect(late.parsed().tags.filter(isFrame)).toEqual([]);

    // The new connection's first keyframe starts the late viewer, configuration first.
    const gop = FRAMES.slice(FIRST_GOP_LENGTH, FIRST_GOP_LENGTH + 5);
    upstream.last.emit(gop);
    const tags = late.parsed().tags;
    const frames = tags.filter(isFrame);
    expect(frames).toHaveLength(gop.length);
    expect(isKey(frames[0]!)).toBe(true);
    expect(tags.findIndex(isConfig)).toBeLessThan(tags.indexOf(frames[0]!));
    expect(frames.map((f) => Buffer.from(f.data))).toEqual(gop.map((f) => Buffer.from(f.data)));
    for (let i = 1; i < frames.length; i += 1) {
      expect(frames[i]!.timestamp - frames[i - 1]!.timestamp, `frame ${i}`).toBe(40);
    }
  });

  it('hands a viewer that joins after a reconnect the new connection’s cached GOP at once', () => {
    const first = new RecordingSink();
    session.attach(first);
    upstream.last.play(10); // the old connection's first GOP, 10 frames of it, is cached
    upstream.last.end('ended');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    const gop = FRAMES.slice(FIRST_GOP_LENGTH, FIRST_GOP_LENGTH + 6);
    upstream.last.emit([SCRIPT, CONFIG, ...FRAMES.slice(3, 8), ...gop]);

    const late = new RecordingSink();
    session.attach(late);
    // Nothing more comes from upstream: what the viewer has is the cache alone.
    const tags = late.parsed().tags;
    expect(late.parsed().header).toBe(true);
    expect(tags.map((t) => t.type)).toEqual([SCRIPT.type, CONFIG.type, ...gop.map((t) => t.type)]);
    expect(isConfig(tags[1]!)).toBe(true);
    const frames = tags.filter(isFrame);
    expect(isKey(frames[0]!)).toBe(true);
    // A viewer's timeline is its own: it starts at its first picture (stream-viewer.ts).
    expect(frames[0]!.timestamp).toBe(0);
    // The new connection's GOP, byte for byte: not the old connection's, which was cached too.
    expect(frames.map((f) => Buffer.from(f.data))).toEqual(gop.map((f) => Buffer.from(f.data)));
    for (let i = 1; i < frames.length; i += 1) {
      expect(frames[i]!.timestamp - frames[i - 1]!.timestamp, `frame ${i}`).toBe(40);
    }
  });

  it('waits at least 4 minutes after a refused login, never a fast loop', () => {
    useSession(newSession());
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
    useSession(
      new StreamSession({
        cameraId: 'cam-1',
        quality: 'sub',
        label: 'x',
        factory: upstream.factory,
        timings: TIMINGS,
        onStatus: () => {},
        log: () => {},
        random: () => 0.999_999,
      }),
    );
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
    expect(session.currentStatus.state).toBe('unreachable');

    upstream.last.play(150); // 6 s of video: longer than healthyAfterMs
    // A network failure after video (a socket error would read as the stream ending).
    upstream.last.end('stalled');
    delays.push(session.currentStatus.retryAt! - Date.now());
    expect(delays.at(-1)).toBe(network(0));
  });

  it('does not reset the delay for a connection that was live only briefly', () => {
    session.attach(new RecordingSink());
    upstream.last.end('unreachable');
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    upstream.last.play(10); // 0.4 s of video
    upstream.last.end('stalled');
    expect(session.currentStatus.state).toBe('stalled');
    expect(session.currentStatus.retryAt! - Date.now()).toBe(
      backoffDelay(DEFAULT_BACKOFF, 1, () => 0),
    );
  });

  it('does not throw or loop when a factory fails synchronously', () => {
    session.close();
    let calls = 0;
    useSession(newSession());
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
    useSession(newSession());
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
    // Still the first connection's verdict while the second one tries; nothing from the first.
    expect(session.currentStatus.state).toBe('no-media');
    expect(session.currentStatus.retryAt).toBeNull();
  });
});
