import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKOFF } from '../../../../electron/streams/core/backoff';
import { FAILURE_LOG_INTERVAL_MS } from '../../../../electron/streams/core/failure-log';
import {
  FIRST_GOP_LENGTH,
  FRAMES,
  RecordingSink,
  TIMINGS,
  installSessionHarness,
  isConfig,
  isFrame,
  isKey,
  logs,
  newSession,
  session,
  upstream,
  useSession,
} from './support/session-harness';

// StreamSession: viewers leaving, congestion, close, and what it logs.
installSessionHarness();

describe('StreamSession viewers leaving, congestion and close', () => {
  it('closes the upstream lingerMs after the last viewer leaves, then goes idle', () => {
    useSession(newSession({ ...TIMINGS, stallTimeoutMs: 60_000 }));
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

    useSession(newSession());
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
    // Let the pending retry open a connection (the state keeps saying "unreachable"); the
    // no-media failures of the idle connections meanwhile back off up to a minute.
    const opened = upstream.sources.length;
    for (let i = 0; i < 700 && upstream.sources.length === opened; i += 1) {
      vi.advanceTimersByTime(100);
    }
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
