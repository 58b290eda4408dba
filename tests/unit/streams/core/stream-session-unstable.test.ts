import { describe, expect, it, vi } from 'vitest';
import {
  FRAMES,
  RecordingSink,
  installSessionHarness,
  logs,
  session,
  statuses,
  upstream,
} from './support/session-harness';

// StreamSession: a server that keeps ending the stream, or answers with garbage.
installSessionHarness();

/** Waits (on the fake clock) for the session's next connection; returns how long it took. */
function nextConnection(limitMs = 5 * 60_000): number {
  const opened = upstream.sources.length;
  let waited = 0;
  while (upstream.sources.length === opened && waited < limitMs) {
    vi.advanceTimersByTime(100);
    waited += 100;
  }
  return waited;
}

describe('a stream that ends every 3 seconds', () => {
  function playThenEnd(): void {
    upstream.last.play(75); // 3 s of video
    upstream.last.end('ended', "Camera 'X': the server ended the stream.");
  }

  it('reads unstable, not live, from its third end until a minute of steady video', () => {
    session.attach(new RecordingSink());
    playThenEnd();
    nextConnection();
    playThenEnd();
    expect(session.currentStatus.state).toBe('stalled');
    nextConnection();
    playThenEnd();
    expect(session.currentStatus.state).toBe('unstable');
    const flaggedAt = statuses.length;
    nextConnection();
    upstream.last.play(75);
    // Pictures are arriving, but this is no live stream.
    expect(session.currentStatus.state).toBe('unstable');
    expect(statuses.slice(flaggedAt).map((s) => s.state)).not.toContain('live');
    // A minute of video without a break (the clip, looped: it is only seconds long).
    const until = Date.now() + 60_000;
    while (Date.now() < until) upstream.last.emit(FRAMES);
    expect(session.currentStatus.state).toBe('live');
  });

  it('slows its reconnects down to a minute apart instead of one every 1.4 s', () => {
    session.attach(new RecordingSink());
    const waits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      playThenEnd();
      waits.push(nextConnection());
    }
    // 1, 2, 4 … 60 s (the harness has no jitter), measured in 100 ms steps.
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('logs "ended" and "video is back" once, and never as "cannot reach"', () => {
    session.attach(new RecordingSink());
    for (let i = 0; i < 6; i += 1) {
      upstream.last.play(75);
      // Half of them cut off mid-response, which the socket reports as a reset.
      if (i % 2) upstream.last.end('unreachable', "Camera 'X': cannot reach x: reset.");
      else upstream.last.end('ended', "Camera 'X': the server ended the stream.");
      nextConnection();
    }
    expect(logs.filter((l) => /video is back/.test(l))).toHaveLength(1);
    expect(logs.filter((l) => /ended the stream/.test(l))).toHaveLength(1);
    expect(logs.join('\n')).not.toMatch(/cannot reach/);
    expect(session.currentStatus.detail).toMatch(/cut off after 3 s of video/);
  });
});

describe('a server that answers with garbage', () => {
  it('is asked ever more rarely: about 10 requests in 5 minutes, not 200', () => {
    session.attach(new RecordingSink());
    for (let elapsed = 0; elapsed < 5 * 60_000;) {
      upstream.last.end('protocol-error', "Camera 'X': the stream is not FLV.");
      elapsed += nextConnection();
    }
    expect(upstream.sources.length).toBeLessThanOrEqual(11);
    expect(session.currentStatus.state).toBe('error');
  });

  it('keeps its back-off when the viewers leave and come back', () => {
    const detach = session.attach(new RecordingSink());
    for (let i = 0; i < 6; i += 1) {
      upstream.last.end('protocol-error');
      nextConnection();
    }
    upstream.last.end('protocol-error'); // the next wait is 60 s
    detach();
    vi.advanceTimersByTime(20_000); // past the linger: idle
    expect(session.currentStatus.state).toBe('idle');
    const connections = session.connections;
    session.attach(new RecordingSink());
    expect(session.connections).toBe(connections);
    expect(session.currentStatus.state).toBe('error');
    expect(session.currentStatus.retryAt! - Date.now()).toBe(40_000);
    vi.advanceTimersByTime(40_000);
    expect(session.connections).toBe(connections + 1);
  });
});
