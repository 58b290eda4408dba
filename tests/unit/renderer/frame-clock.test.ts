import { describe, expect, it } from 'vitest';
import { FrameClock, clockMarkOf } from '../../../renderer/src/look/frame-clock';

describe('the frame clock', () => {
  it('maps media time to when main received the frame, trusting the earliest-looking mark', () => {
    const clock = new FrameClock();
    expect(clock.epochAt(1)).toBeNull();
    // A server's cached GOP in a burst at connection: 2 s of frames within 100 ms.
    clock.add({ t: 0, at: 1_002_000 });
    clock.add({ t: 1_000, at: 1_002_050 });
    expect(clock.epochAt(1.5)).toBe(1_002_550);
    // Then live frames, on time: the offset they give is the true one, for every frame.
    clock.add({ t: 2_000, at: 1_002_000 });
    clock.add({ t: 2_250, at: 1_002_260 }); // 10 ms of network jitter
    expect(clock.epochAt(2.04)).toBe(1_002_040);
  });

  it('compares only the marks around a frame: a stream clock that drifts is followed', () => {
    const clock = new FrameClock();
    // An encoder that makes 24 frames a second but stamps 40 ms each: 4 % drift.
    for (let t = 0; t <= 60_000; t += 250) clock.add({ t, at: 1_000_000 + t * 1.04 });
    expect(clock.epochAt(10)).toBe(1_000_000 + 10_000 * 1.04 - 10);
    expect(clock.epochAt(60)).toBe(1_000_000 + 60_000 * 1.04 - 10);
    // Before the first mark or after the last: the nearest one.
    expect(clock.epochAt(70)).toBe(1_000_000 + 60_000 * 1.04 + 10_000);
  });

  it('starts over on a new timeline and reads marks out of mpegts.js script data', () => {
    const clock = new FrameClock();
    clock.add({ t: 5_000, at: 50 });
    clock.add({ t: 0, at: 9_000 });
    expect(clock.epochAt(0.5)).toBe(9_500);
    expect(clockMarkOf({ onWallClock: { t: 40, at: 7 } })).toEqual({ t: 40, at: 7 });
    expect(clockMarkOf({ onMetaData: { width: 640 } })).toBeNull();
    expect(clockMarkOf({ onWallClock: { t: '40', at: 7 } })).toBeNull();
    expect(clockMarkOf(null)).toBeNull();
  });
});
