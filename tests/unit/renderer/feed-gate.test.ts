// The feed gate against a fake decoder that takes a fixed time per frame, run on a virtual
// clock: bursts of frames arriving together are worked off without losing a picture, while a
// decoder slower than the camera (or one that stops) drops to the next keyframe and keeps the
// painted picture close to live.
import { describe, expect, it } from 'vitest';
import {
  FeedGate,
  LATENCY_BUDGET_MS,
  STALL_LIMIT_MS,
} from '../../../renderer/src/player/feed-gate';

const FRAME_MS = 40; // 25 fps
const GOP = 50; // a keyframe every 2 s

interface Arrival {
  at: number; // virtual ms the access unit reaches the tile
  pts: number;
  keyframe: boolean;
}

/** A camera at 25 fps; `late(pts)` is when each frame arrives (bursts, stalls). */
function camera(seconds: number, late: (pts: number) => number = (pts) => pts): Arrival[] {
  const frames: Arrival[] = [];
  for (let i = 0; i < (seconds * 1000) / FRAME_MS; i++) {
    const pts = i * FRAME_MS;
    frames.push({ at: late(pts), pts, keyframe: i % GOP === 0 });
  }
  return frames;
}

/** Feeds the arrivals through a gate into a decoder taking decodeMs per frame (Infinity: stuck). */
function run(arrivals: Arrival[], decodeMs: number) {
  const gate = new FeedGate();
  gate.configured();
  const queue: number[] = [];
  const decoded: number[] = [];
  const dropped: number[] = [];
  const lags: number[] = [];
  let busyUntil = 0;
  const drain = (until: number) => {
    while (queue.length > 0 && Math.max(busyUntil, 0) + decodeMs <= until) {
      busyUntil += decodeMs;
      const pts = queue.shift()!;
      gate.painted(pts);
      lags.push(busyUntil - pts); // how far behind the camera the painted picture is
    }
  };
  for (const frame of arrivals) {
    drain(frame.at);
    if (queue.length === 0) busyUntil = Math.max(busyUntil, frame.at);
    if (gate.admit(frame.keyframe, frame.pts) === 'decode') {
      queue.push(frame.pts);
      decoded.push(frame.pts);
    } else dropped.push(frame.pts);
  }
  drain(Number.MAX_SAFE_INTEGER);
  return { decoded, dropped, lags, queue };
}

describe('FeedGate', () => {
  it('admits nothing before the decoder is configured, then starts at a keyframe', () => {
    const gate = new FeedGate();
    expect(gate.admit(true, 0)).toBe('drop');
    gate.configured();
    expect(gate.admit(false, 0)).toBe('drop');
    expect(gate.admit(true, 40)).toBe('decode');
    expect(gate.admit(false, 80)).toBe('decode');
    gate.setPaused(true);
    expect(gate.admit(true, 120)).toBe('drop');
    gate.setPaused(false);
    expect(gate.admit(false, 160)).toBe('drop');
    expect(gate.admit(true, 200)).toBe('decode');
    gate.unconfigure();
    expect(gate.admit(true, 240)).toBe('drop');
  });

  it('loses nothing when frames arrive in bursts of six the decoder works off', () => {
    // Every sixth frame's arrival releases the five before it with it.
    const bursts = camera(20, (pts) => Math.ceil((pts + 1) / (6 * FRAME_MS)) * 6 * FRAME_MS);
    const { dropped, decoded } = run(bursts, 12);
    expect(dropped).toEqual([]);
    expect(decoded).toHaveLength(bursts.length);
  });

  it('loses nothing when a second of frames arrives at once after a network pause', () => {
    // Frames 4.0–5.0 s are held up and all arrive together at 5.0 s.
    const paused = camera(10, (pts) => (pts >= 4_000 && pts < 5_000 ? 5_000 : pts));
    const { dropped, lags } = run(paused, 8);
    expect(dropped).toEqual([]);
    expect(Math.max(...lags.slice(-50))).toBeLessThan(LATENCY_BUDGET_MS);
  });

  it('drops to the next keyframe when the decoder is slower than the camera', () => {
    const frames = camera(60);
    const slow = run(frames, 50); // 20 fps of decoding for a 25 fps camera
    expect(slow.dropped.length).toBeGreaterThan(0);
    // Each drop resumes at a keyframe: the first frame decoded after a dropped one is a keyframe.
    for (const pts of slow.dropped) {
      const next = slow.decoded.find((d) => d > pts);
      if (next !== undefined) expect(next % (GOP * FRAME_MS)).toBe(0);
    }
    // Without the drops the picture would end 12 s behind; with them it stays near live.
    expect(Math.max(...slow.lags)).toBeLessThan(STALL_LIMIT_MS);
    expect(slow.decoded.length).toBeGreaterThan(frames.length * 0.6);
  });

  it('drops to the next keyframe when the decoder stops giving pictures out', () => {
    const gate = new FeedGate();
    gate.configured();
    expect(gate.admit(true, 0)).toBe('decode');
    let pts = 0;
    while (gate.admit(false, (pts += FRAME_MS)) === 'decode') expect(pts).toBeLessThan(3_000);
    expect(pts).toBeGreaterThan(STALL_LIMIT_MS);
    expect(gate.admit(false, pts + FRAME_MS)).toBe('drop');
    expect(gate.admit(true, 4_000)).toBe('decode');
  });

  it('measures from a keyframe again when the stream’s timestamps restart', () => {
    const gate = new FeedGate();
    gate.configured();
    gate.admit(true, 90_000);
    gate.painted(90_000);
    expect(gate.admit(false, 90_040)).toBe('decode');
    // The camera restarted its clock: the lag is not 90 s, nothing is dropped.
    expect(gate.admit(false, 40)).toBe('decode');
    expect(gate.admit(false, 80)).toBe('decode');
  });
});
