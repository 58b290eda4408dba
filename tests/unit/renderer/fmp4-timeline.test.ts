// Placing access units on the MP4 track so MSE never sees a discontinuity (a decode time going
// back, or more than twice the last duration ahead), which would drop frames to the next
// keyframe: steady streams keep their own times, gaps and clock jumps are closed up.
import { describe, expect, it } from 'vitest';
import { FragmentTimeline } from '../../../renderer/src/player/fmp4-timeline';

/** Places frames at the given stream times (pts = dts) and checks MSE's rule on each step. */
function placeAll(times: number[]) {
  const timeline = new FragmentTimeline();
  const placed = times.map((t) => timeline.place(t, t));
  for (let i = 1; i < placed.length; i++) {
    const gap = placed[i]!.dts - placed[i - 1]!.dts;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThanOrEqual(2 * placed[i - 1]!.duration);
  }
  return { timeline, placed };
}

describe('the fragmented-MP4 timeline', () => {
  it('starts at 0 and keeps a steady stream at its own times, each frame as long as the gap', () => {
    const { placed, timeline } = placeAll([5000, 5040, 5080, 5120, 5160]);
    expect(placed.map((p) => p.dts)).toEqual([0, 40, 80, 120, 160]);
    expect(placed.slice(1).map((p) => p.duration)).toEqual([40, 40, 40, 40]);
    expect(timeline.corrections).toBe(0);
    expect(timeline.lastFrameDuration).toBe(40);
  });

  it('keeps composition offsets (B-frames) as given', () => {
    const timeline = new FragmentTimeline();
    expect(timeline.place(0, 80).compositionOffset).toBe(80);
    expect(timeline.place(40, 40).compositionOffset).toBe(0);
  });

  it('keeps a jittery or slowing stream (up to twice the last gap) at its own times', () => {
    const times = [0, 33, 70, 100, 150, 230, 300, 380];
    const { placed, timeline } = placeAll(times);
    expect(placed.map((p) => p.dts)).toEqual(times);
    expect(timeline.corrections).toBe(0);
  });

  it('closes up a frozen camera: the frame after a 5 s gap follows on, later ones keep the shift', () => {
    const { placed, timeline } = placeAll([0, 40, 80, 5080, 5120, 5160]);
    expect(placed.map((p) => p.dts)).toEqual([0, 40, 80, 120, 160, 200]);
    expect(timeline.corrections).toBe(1);
    // The frozen gap is not taken as a frame rate: at most four times the last duration.
    expect(placed[3]!.duration).toBe(160);
    expect(placed[4]!.duration).toBe(40);
  });

  it('learns a slower frame rate at once (25 → 10 a second) without a second correction', () => {
    const { placed, timeline } = placeAll([0, 40, 80, 180, 280, 380]);
    expect(timeline.corrections).toBe(1);
    expect(placed.slice(3).map((p) => p.duration)).toEqual([100, 100, 100]);
    expect(placed[5]!.dts - placed[4]!.dts).toBe(100);
  });

  it('follows on when the stream clock goes back or repeats a time', () => {
    const { placed, timeline } = placeAll([1000, 1040, 1080, 200, 240, 240, 280]);
    expect(placed.map((p) => p.dts)).toEqual([0, 40, 80, 120, 160, 200, 240]);
    expect(timeline.corrections).toBe(2);
  });

  it('never guesses a duration above a second', () => {
    const timeline = new FragmentTimeline();
    let t = 0;
    timeline.place(t, t);
    for (const gap of [600, 1100, 2000, 1900]) {
      t += gap;
      expect(timeline.place(t, t).duration).toBeLessThanOrEqual(1000);
    }
  });
});
