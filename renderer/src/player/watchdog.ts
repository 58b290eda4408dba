// The freshness watchdog of one tile, as a pure state machine ticked once a second by the
// tile player. Presented frames must keep advancing; when they stop, recovery goes in stages:
// jump to the live edge, then recreate the player with backoff. Reconnecting upstream is the
// main process's job, so the watchdog never gives up and never loops fast.
import type { PlayerHealth } from '../status/display-state';

/** No new frame for this long and the tile says it lost the signal. */
export const STALE_AFTER_MS = 3_000;
/** After jumping to live, how long to wait for frames before recreating the player. */
export const JUMP_GRACE_MS = 3_000;
/** A new player that shows no first frame within this time is recreated. */
export const FIRST_FRAME_TIMEOUT_MS = 10_000;
export const MAX_BACKOFF_MS = 15_000;

export interface WatchdogState {
  /** When the current player instance was created. */
  startedAt: number;
  /** totalVideoFrames at the previous tick. */
  lastTotalFrames: number;
  lastFrameAt: number | null;
  /** Whether a jump to live was already tried for the current stall. */
  jumped: boolean;
  /** When the player is due to be recreated, or null while frames flow. */
  recreateDueAt: number | null;
  /** Recreations since frames last flowed: drives the backoff. */
  attempt: number;
}

export interface WatchdogSample {
  now: number;
  totalFrames: number;
  /** requestVideoFrameCallback fired since the last tick. */
  presented: boolean;
}

export type WatchdogAction = 'none' | 'jump-to-live' | 'recreate';

export interface WatchdogStep {
  state: WatchdogState;
  action: WatchdogAction;
  health: Exclude<PlayerHealth, 'codec-unsupported' | 'damaged'>;
}

/** 1 s, 2 s, 4 s, 8 s, then 15 s for ever. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempt));
}

export function initialWatchdog(now: number): WatchdogState {
  return {
    startedAt: now,
    lastTotalFrames: 0,
    lastFrameAt: null,
    jumped: false,
    recreateDueAt: now + FIRST_FRAME_TIMEOUT_MS,
    attempt: 0,
  };
}

/**
 * The player was recreated. The frame counter baseline is kept: whether the element restarts
 * its count or not, only a count above the last one means new frames. The last-frame time is
 * kept too, so the tile goes on saying when the picture stopped.
 */
export function afterRecreate(state: WatchdogState, now: number): WatchdogState {
  const wait = Math.max(JUMP_GRACE_MS, backoffMs(state.attempt));
  return {
    ...state,
    startedAt: now,
    recreateDueAt: now + (state.lastFrameAt === null ? FIRST_FRAME_TIMEOUT_MS : wait),
    attempt: state.attempt + 1,
  };
}

/** The player reported an error: recreate it after the backoff (sooner than any timeout). */
export function afterError(state: WatchdogState, now: number): WatchdogState {
  const due = now + backoffMs(state.attempt);
  return { ...state, recreateDueAt: Math.min(state.recreateDueAt ?? due, due) };
}

export function watchdogTick(state: WatchdogState, sample: WatchdogSample): WatchdogStep {
  const { now, totalFrames, presented } = sample;
  // A recreated player may restart the element's counter: a lower count is the new baseline.
  const advanced = presented || totalFrames > state.lastTotalFrames;
  const base: WatchdogState = { ...state, lastTotalFrames: totalFrames };

  if (advanced) {
    const next = { ...base, lastFrameAt: now, jumped: false, recreateDueAt: null, attempt: 0 };
    return { state: next, action: 'none', health: 'live' };
  }

  const stalled = state.lastFrameAt !== null && now - state.lastFrameAt > STALE_AFTER_MS;
  const health = stalled ? 'stalled' : state.lastFrameAt === null ? 'connecting' : 'live';

  if (base.recreateDueAt !== null && now >= base.recreateDueAt) {
    return { state: afterRecreate(base, now), action: 'recreate', health };
  }
  if (stalled && !base.jumped) {
    const due = base.recreateDueAt ?? now + JUMP_GRACE_MS;
    return { state: { ...base, jumped: true, recreateDueAt: due }, action: 'jump-to-live', health };
  }
  return { state: base, action: 'none', health };
}
