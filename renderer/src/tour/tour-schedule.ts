// A tour's clock, pure so it is tested without waiting: which step is on, how long it has
// left, pausing and resuming, and when to start the next step's players (a little before the
// switch, so no tile is black when it comes).
import type { SavedLayout, TourSpec } from '../contract';
import { pageCount } from '../layout/paging';

export interface TourStep {
  layoutId: string;
  page: number;
}

export interface TourClock {
  step: number;
  /** Epoch ms the current step started, moved on by pauses. */
  startedAt: number;
  /** Epoch ms the tour was paused, or null while it runs. */
  pausedAt: number | null;
}

/** How far ahead of a switch the next step's players start. */
export const PREFETCH_LEAD_MS = 2_000;

/** Every page of every layout the tour visits, in order (none listed: the display's own). */
export function tourSteps(
  spec: Pick<TourSpec, 'layoutIds'>,
  ownLayoutId: string,
  layouts: readonly SavedLayout[],
  cameras: readonly { id: string }[],
): TourStep[] {
  const ids = spec.layoutIds.length > 0 ? spec.layoutIds : [ownLayoutId];
  return ids.flatMap((layoutId) => {
    const layout = layouts.find((l) => l.id === layoutId);
    if (!layout) return [];
    return Array.from({ length: pageCount(layout, cameras) }, (_, page) => ({ layoutId, page }));
  });
}

export function startTour(now: number, step = 0): TourClock {
  return { step, startedAt: now, pausedAt: null };
}

export function remainingMs(clock: TourClock, durationMs: number, now: number): number {
  const at = clock.pausedAt ?? now;
  return Math.max(0, durationMs - (at - clock.startedAt));
}

/** 0 at a step's start, 1 at its end: the progress line's length. */
export function progress(clock: TourClock, durationMs: number, now: number): number {
  return 1 - remainingMs(clock, durationMs, now) / durationMs;
}

export function pauseTour(clock: TourClock, now: number): TourClock {
  return clock.pausedAt === null ? { ...clock, pausedAt: now } : clock;
}

/** Resuming keeps the time that was left when paused. */
export function resumeTour(clock: TourClock, now: number): TourClock {
  if (clock.pausedAt === null) return clock;
  return { step: clock.step, startedAt: clock.startedAt + (now - clock.pausedAt), pausedAt: null };
}

export function nextStep(clock: TourClock, stepCount: number, now: number): TourClock {
  return startTour(now, stepCount > 0 ? (clock.step + 1) % stepCount : 0);
}

/** What the tour should do next, and in how many ms: start the next players, or switch. */
export function nextTourEvent(
  clock: TourClock,
  durationMs: number,
  now: number,
  prefetched: boolean,
): { kind: 'prefetch' | 'switch'; inMs: number } | null {
  if (clock.pausedAt !== null) return null;
  const left = remainingMs(clock, durationMs, now);
  if (!prefetched && left > 0)
    return { kind: 'prefetch', inMs: Math.max(0, left - PREFETCH_LEAD_MS) };
  return { kind: 'switch', inMs: left };
}
