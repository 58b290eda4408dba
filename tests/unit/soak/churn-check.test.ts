import { describe, expect, it } from 'vitest';
import { checkDone, closeCheck, observe, openCheck } from '../../soak/churn-check';
import type { ChurnEvent } from '../../soak/churn-schedule';

const layout: ChurnEvent = { atMs: 20_000, kind: 'layout', detail: '3x3' };
const counts = (tiles: number, players: number, mediaSources: number, liveTiles = tiles) => ({
  tiles,
  players,
  mediaSources,
  liveTiles,
});

describe('churn checks', () => {
  it('does not call a switch settled while the old grid is still on screen', () => {
    const check = observe(openCheck(layout), counts(16, 16, 16), 21_000, 9);
    expect(check.settleMs).toBeNull();
    expect(check.allLiveMs).toBeNull();
  });

  it('settles when players and MediaSources come back to the new tile count', () => {
    let check = openCheck(layout);
    check = observe(check, counts(9, 16, 16), 21_000, 9); // players linger for their grace
    check = observe(check, counts(9, 9, 12), 25_000, 9);
    expect(check.settleMs).toBeNull();
    check = observe(check, counts(9, 9, 9), 26_000, 9);
    check = observe(check, counts(9, 10, 9), 27_000, 9); // a later wobble keeps the first settle
    expect(check.settleMs).toBe(6_000);
    expect(check.allLiveMs).toBe(1_000);
  });

  it('ignores reads while the page is gone', () => {
    const check = openCheck({ atMs: 0, kind: 'renderer-crash', detail: '' });
    expect(observe(check, null, 5_000, 16)).toBe(check);
  });

  it('never settles on an empty page', () => {
    const check = observe(openCheck(layout), counts(0, 0, 0), 21_000, 0);
    expect(check.settleMs).toBeNull();
  });

  it('is done when settled and all live, or when it has run out of time', () => {
    const settled = observe(openCheck(layout), counts(9, 9, 9), 22_000, 9);
    expect(checkDone(settled, 22_000, 60_000)).toBe(true);
    const stuck = observe(openCheck(layout), counts(9, 9, 9, 8), 22_000, 9);
    expect(checkDone(stuck, 79_000, 60_000)).toBe(false);
    expect(checkDone(stuck, 80_000, 60_000)).toBe(true);
  });

  it('closes into a record with the last counts seen', () => {
    const check = observe(openCheck(layout), counts(9, 11, 10), 30_000, 9);
    expect(closeCheck(check)).toEqual({
      atMs: 20_000,
      kind: 'layout',
      detail: '3x3',
      settled: false,
      settleMs: null,
      allLiveMs: 10_000,
      last: { tiles: 9, players: 11, mediaSources: 10 },
    });
  });
});
