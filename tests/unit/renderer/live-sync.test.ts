// The wall's live sync: the rate rule (nudge above, settle at, keep in between), the step to
// the safer level on dropped frames, the step back after a quiet hold, and the longer hold for
// a tile that keeps falling back.
import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_RATE,
  DROPS_TO_STEP_UP,
  FIRST_HOLD_MS,
  LIVE_SYNC_LEVELS,
  LiveSyncPolicy,
  MAX_HOLD_MS,
} from '../../../renderer/src/player/live-sync';

const [THIN, SAFER] = LIVE_SYNC_LEVELS;

/** Ticks once a second from `from` for `seconds`, with `dropsPerTick` new drops each. */
function run(
  policy: LiveSyncPolicy,
  from: number,
  seconds: number,
  dropsPerTick: number,
  total: { n: number },
) {
  for (let s = 1; s <= seconds; s++) {
    total.n += dropsPerTick;
    policy.tick(total.n, from + s * 1000);
  }
  return from + seconds * 1000;
}

describe('LiveSyncPolicy', () => {
  it('nudges above the level, settles at it, and keeps the rate in between', () => {
    const policy = new LiveSyncPolicy();
    expect(policy.level).toEqual(THIN);
    expect(policy.rate(THIN!.nudge + 0.01, 1)).toBe(CATCH_UP_RATE);
    expect(policy.rate((THIN!.nudge + THIN!.settle) / 2, CATCH_UP_RATE)).toBe(CATCH_UP_RATE);
    expect(policy.rate((THIN!.nudge + THIN!.settle) / 2, 1)).toBe(1);
    expect(policy.rate(THIN!.settle, CATCH_UP_RATE)).toBe(1);
  });

  it('stays thin while nothing drops, and steps to the safer level on a few drops in 10 s', () => {
    const policy = new LiveSyncPolicy();
    const total = { n: 0 };
    let now = run(policy, 0, 120, 0, total);
    expect(policy.safer).toBe(false);
    // A video that restarts its count (a new player) is not a burst of drops.
    policy.tick(0, (now += 1000));
    total.n = 0;
    now = run(policy, now, DROPS_TO_STEP_UP - 1, 1, total);
    expect(policy.safer).toBe(false);
    run(policy, now, 1, 1, total);
    expect(policy.safer).toBe(true);
    expect(policy.level).toEqual(SAFER);
    // The safer level's rule: a buffer the thin level would nudge at is left alone.
    expect(policy.rate(THIN!.nudge + 0.01, 1)).toBe(1);
  });

  it('tries thin again after a quiet hold, and waits twice as long each time it falls back soon', () => {
    const policy = new LiveSyncPolicy();
    const total = { n: 0 };
    policy.tick(0, 0); // the count the video started with
    let now = run(policy, 0, DROPS_TO_STEP_UP, 1, total);
    expect(policy.safer).toBe(true);
    // Drops while safer keep it there past the hold.
    now = run(policy, now, FIRST_HOLD_MS / 1000, 1, total);
    expect(policy.safer).toBe(true);
    now = run(policy, now, 11, 0, total);
    expect(policy.safer).toBe(false);
    // Falls back at once: the next hold is doubled.
    now = run(policy, now, DROPS_TO_STEP_UP, 1, total);
    expect(policy.safer).toBe(true);
    now = run(policy, now, FIRST_HOLD_MS / 1000 + 1, 0, total);
    expect(policy.safer).toBe(true);
    now = run(policy, now, FIRST_HOLD_MS / 1000, 0, total);
    expect(policy.safer).toBe(false);
    // Never longer than the cap.
    for (let i = 0; i < 12; i++) {
      now = run(policy, now, DROPS_TO_STEP_UP, 1, total);
      now = run(policy, now, MAX_HOLD_MS / 1000 + 1, 0, total);
      expect(policy.safer).toBe(false);
    }
  });
});
