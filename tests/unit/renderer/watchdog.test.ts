import { describe, expect, it } from 'vitest';
import type { WatchdogState } from '../../../renderer/src/player/watchdog';
import {
  FIRST_FRAME_TIMEOUT_MS,
  afterError,
  afterRecreate,
  backoffMs,
  initialWatchdog,
  watchdogTick,
} from '../../../renderer/src/player/watchdog';

/** Ticks once a second from `from` to `to`, with the given frame counter per tick. */
function run(state: WatchdogState, from: number, to: number, frames: (t: number) => number) {
  const log: { t: number; action: string; health: string }[] = [];
  let current = state;
  for (let t = from; t <= to; t += 1_000) {
    const step = watchdogTick(current, { now: t, totalFrames: frames(t), presented: false });
    current = step.state;
    log.push({ t, action: step.action, health: step.health });
  }
  return { state: current, log };
}

describe('documented thresholds', () => {
  // Pinned as numbers: a test that compares against the imported constant cannot notice
  // that the constant itself changed.
  it('stale after 3 s without a new frame: live at 2.5 s, stalled just past 3 s', () => {
    const live = watchdogTick(initialWatchdog(0), { now: 1_000, totalFrames: 5, presented: false });
    const at = (now: number) =>
      watchdogTick(live.state, { now, totalFrames: 5, presented: false }).health;
    expect(at(1_000 + 2_500)).toBe('live');
    expect(at(1_000 + 3_000)).toBe('live');
    expect(at(1_000 + 3_001)).toBe('stalled');
  });

  it('a new player has 10 s for its first frame', () => {
    const state = initialWatchdog(0);
    expect(watchdogTick(state, { now: 9_999, totalFrames: 0, presented: false }).action).toBe(
      'none',
    );
    expect(watchdogTick(state, { now: 10_000, totalFrames: 0, presented: false }).action).toBe(
      'recreate',
    );
  });

  it('a recreated player keeps the time of the last real frame, so the tile still says when', () => {
    const live = watchdogTick(initialWatchdog(0), { now: 4_000, totalFrames: 9, presented: false });
    const recreated = afterRecreate(live.state, 20_000);
    expect(recreated.lastFrameAt).toBe(4_000);
    expect(recreated.recreateDueAt).toBe(20_000 + 3_000);
  });
});

describe('backoff', () => {
  it('doubles from 1 s up to 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(backoffMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
  });
});

describe('watchdogTick', () => {
  it('is live while frames advance, with nothing to do', () => {
    const { log, state } = run(initialWatchdog(0), 1_000, 10_000, (t) => t / 40);
    expect(log.every((e) => e.health === 'live' && e.action === 'none')).toBe(true);
    expect(state.lastFrameAt).toBe(10_000);
  });

  it('counts requestVideoFrameCallback as progress too', () => {
    const step = watchdogTick(initialWatchdog(0), { now: 1_000, totalFrames: 0, presented: true });
    expect(step.health).toBe('live');
  });

  it('says stalled after 3 s, jumps to live, then recreates with growing backoff', () => {
    const live = run(initialWatchdog(0), 1_000, 5_000, (t) => t / 40).state; // last frame at 5 s
    const { log } = run(live, 6_000, 60_000, () => 125);
    const actions = log.filter((e) => e.action !== 'none').map((e) => `${e.t / 1000}:${e.action}`);
    expect(log.find((e) => e.t === 8_000)?.health).toBe('live');
    expect(log.find((e) => e.t === 9_000)?.health).toBe('stalled');
    expect(actions.slice(0, 3)).toEqual(['9:jump-to-live', '12:recreate', '15:recreate']);
    const recreations = log.filter((e) => e.action === 'recreate').map((e) => e.t);
    const gaps = recreations.slice(1).map((t, i) => t - (recreations[i] ?? 0));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b)); // never faster than before
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000);
  });

  it('jumps to live again on a second stall after frames came back', () => {
    const live = run(initialWatchdog(0), 1_000, 5_000, (t) => t / 40).state;
    const first = run(live, 6_000, 10_000, () => 125);
    expect(first.log.filter((e) => e.action === 'jump-to-live')).toHaveLength(1);
    const back = run(first.state, 11_000, 15_000, (t) => t / 40).state;
    const second = run(back, 16_000, 20_000, () => 375);
    expect(second.log.filter((e) => e.action === 'jump-to-live')).toHaveLength(1);
  });

  it('an error while live schedules the recreation one backoff step later, not at once', () => {
    const live = watchdogTick(initialWatchdog(0), { now: 1_000, totalFrames: 9, presented: false });
    expect(live.state.recreateDueAt).toBeNull();
    expect(afterError(live.state, 2_000).recreateDueAt).toBe(3_000);
  });

  it('takes a new baseline when a recreated player restarts its frame counter', () => {
    const live = run(initialWatchdog(0), 1_000, 5_000, (t) => t / 40).state;
    const step = watchdogTick(live, { now: 6_000, totalFrames: 3, presented: false });
    expect(step.state.lastTotalFrames).toBe(3);
    const next = watchdogTick(step.state, { now: 7_000, totalFrames: 20, presented: false });
    expect(next.health).toBe('live');
  });

  it('recreates a player that never shows a first frame, slowly', () => {
    const { log } = run(initialWatchdog(0), 1_000, 40_000, () => 0);
    expect(log.every((e) => e.health === 'connecting')).toBe(true);
    const recreations = log.filter((e) => e.action === 'recreate').map((e) => e.t);
    expect(recreations[0]).toBe(FIRST_FRAME_TIMEOUT_MS);
    expect(recreations.length).toBeLessThanOrEqual(4);
  });

  it('recreates after an error with backoff, and recovers when frames come back', () => {
    const failed = afterError(initialWatchdog(0), 500);
    expect(failed.recreateDueAt).toBe(1_500);
    const step = watchdogTick(failed, { now: 2_000, totalFrames: 0, presented: false });
    expect(step.action).toBe('recreate');
    const again = afterError(step.state, 2_100);
    expect(again.recreateDueAt).toBe(2_100 + 2_000);
    const back = watchdogTick(again, { now: 3_000, totalFrames: 10, presented: false });
    expect(back.state).toMatchObject({ attempt: 0, recreateDueAt: null, lastFrameAt: 3_000 });
  });
});
