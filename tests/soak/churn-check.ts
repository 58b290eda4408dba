// After each churn event: do the page's players and open MediaSources come back to the tile
// count, and how soon is every tile live again? A small state machine over probe reads, pure
// so it is unit-tested; the runner feeds it once a second and closes it at the next event.
import type { ChurnEvent } from './churn-schedule';
import type { ChurnCheck } from './soak-stats';

export interface CheckCounts {
  tiles: number;
  players: number;
  mediaSources: number;
  liveTiles: number;
}

export interface OpenCheck {
  event: ChurnEvent;
  /** The tile count the current layout must show (a switch is not settled on the old one). */
  expectedTiles: number;
  settleMs: number | null;
  allLiveMs: number | null;
  last: CheckCounts | null;
}

export function openCheck(event: ChurnEvent, expectedTiles: number): OpenCheck {
  return { event, expectedTiles, settleMs: null, allLiveMs: null, last: null };
}

/** Folds one probe read (null: page gone) taken `nowMs` after the soak started. */
export function observe(check: OpenCheck, counts: CheckCounts | null, nowMs: number): OpenCheck {
  if (counts === null) return check;
  const since = Math.max(0, nowMs - check.event.atMs);
  const full = counts.tiles === check.expectedTiles && counts.tiles > 0;
  const settled = full && counts.players === counts.tiles && counts.mediaSources === counts.tiles;
  return {
    ...check,
    last: counts,
    settleMs: check.settleMs ?? (settled ? since : null),
    allLiveMs: check.allLiveMs ?? (full && counts.liveTiles === counts.tiles ? since : null),
  };
}

/** Nothing more to learn: settled and all live, or given up after `maxMs`. */
export function checkDone(check: OpenCheck, nowMs: number, maxMs: number): boolean {
  return (check.settleMs !== null && check.allLiveMs !== null) || nowMs - check.event.atMs >= maxMs;
}

export function closeCheck(check: OpenCheck): ChurnCheck {
  const { last } = check;
  return {
    atMs: check.event.atMs,
    kind: check.event.kind,
    detail: check.event.detail,
    settled: check.settleMs !== null,
    settleMs: check.settleMs,
    allLiveMs: check.allLiveMs,
    last: last && { tiles: last.tiles, players: last.players, mediaSources: last.mediaSources },
  };
}
