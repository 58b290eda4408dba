import { describe, expect, it } from 'vitest';
import { FrameClock, clockMarkOf } from '../../../renderer/src/look/frame-clock';

describe('the frame clock', () => {
  it('maps media time to when main received the frame, from the last keyframe’s mark', () => {
    const clock = new FrameClock();
    expect(clock.epochAt(1)).toBeNull();
    clock.add({ t: 0, at: 1_000_000 });
    clock.add({ t: 2_000, at: 1_002_150 }); // the second GOP came 150 ms late
    expect(clock.epochAt(0)).toBe(1_000_000);
    expect(clock.epochAt(1.96)).toBe(1_001_960);
    expect(clock.epochAt(2)).toBe(1_002_150);
    expect(clock.epochAt(2.04)).toBe(1_002_190);
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
