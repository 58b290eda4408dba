// After each churn event: do the page's players and open MediaSources come back to the tile
// count, and how soon is every tile live again? A small state machine over probe reads, pure
// so it is unit-tested. The runner feeds it once a second; a check runs until it has learnt
// all it can or a minute has passed, and a layout check ends at the next layout switch
// (its tile count is then no longer the one on screen).
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
  settleMs: number | null;
  allLiveMs: number | null;
  last: CheckCounts | null;
}

export function openCheck(event: ChurnEvent): OpenCheck {
  return { event, settleMs: null, allLiveMs: null, last: null };
}

/**
 * Folds one probe read (null: page gone) taken `nowMs` after the soak started; `expectedTiles`
 * is what the current layout shows, so a switch does not count as settled on the old grid.
 */
export function observe(
  check: OpenCheck,
  counts: CheckCounts | null,
  nowMs: number,
  expectedTiles: number,
): OpenCheck {
  if (counts === null) return check;
  const since = Math.max(0, nowMs - check.event.atMs);
  const full = counts.tiles === expectedTiles && counts.tiles > 0;
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
