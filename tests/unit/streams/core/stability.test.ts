import { describe, expect, it } from 'vitest';
import {
  SHORT_PLAY_MS,
  StabilityTracker,
  UNSTABLE_ENDS,
  UNSTABLE_WINDOW_MS,
} from '../../../../electron/streams/core/stability';

const SECOND = 1_000;

describe('StabilityTracker', () => {
  it('pins the rule: 3 ends within 2 minutes, each after under a minute of video', () => {
    expect([UNSTABLE_ENDS, UNSTABLE_WINDOW_MS, SHORT_PLAY_MS]).toEqual([3, 120_000, 60_000]);
  });

  it('calls a stream that ends every few seconds unstable at its third end', () => {
    const tracker = new StabilityTracker();
    tracker.ended(3 * SECOND, 3 * SECOND);
    tracker.ended(7 * SECOND, 3 * SECOND);
    expect(tracker.unstable).toBe(false);
    tracker.ended(12 * SECOND, 3 * SECOND);
    expect(tracker.unstable).toBe(true);
  });

  it('does not count ends spread over more than 2 minutes', () => {
    const tracker = new StabilityTracker();
    tracker.ended(0, 3 * SECOND);
    tracker.ended(61 * SECOND, 3 * SECOND);
    tracker.ended(121 * SECOND, 3 * SECOND);
    expect(tracker.unstable).toBe(false);
    tracker.ended(122 * SECOND, 3 * SECOND);
    expect(tracker.unstable).toBe(true);
  });

  it('does not count a connection that played a minute or more', () => {
    const tracker = new StabilityTracker();
    tracker.ended(0, 3 * SECOND);
    tracker.ended(5 * SECOND, 60 * SECOND);
    tracker.ended(10 * SECOND, 3 * SECOND);
    expect(tracker.unstable).toBe(false);
  });

  it('stays unstable until a minute of video without a break, then starts counting anew', () => {
    const tracker = new StabilityTracker();
    for (const at of [1, 2, 3]) tracker.ended(at * SECOND, SECOND);
    tracker.playing(59 * SECOND);
    expect(tracker.unstable).toBe(true);
    tracker.playing(60 * SECOND);
    expect(tracker.unstable).toBe(false);
    tracker.ended(70 * SECOND, SECOND);
    tracker.ended(71 * SECOND, SECOND);
    expect(tracker.unstable).toBe(false);
  });
});
