import { describe, expect, it } from 'vitest';
import { parseMode, runOrder } from '../../bench/bench-modes';

describe('bench modes', () => {
  it('rotates who runs first, so no contender always gets the warmer machine', () => {
    const mode = parseMode(['--quick']);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => runOrder(mode, i)[0])).toEqual([
      'ours',
      'inpage',
      'mpegts',
      'webcodecs',
      'tuned',
      'default',
      'ours',
    ]);
    expect(runOrder(mode, 1)).toEqual([
      'inpage',
      'mpegts',
      'webcodecs',
      'tuned',
      'default',
      'ours',
    ]);
  });

  it('runs every contender through recovery, and only ours in a soak', () => {
    expect(parseMode([]).recoveryContenders).toEqual([
      'ours',
      'inpage',
      'mpegts',
      'webcodecs',
      'tuned',
      'default',
    ]);
    const soak = parseMode(['--soak', '30']);
    expect(soak.tileCounts).toEqual([16]);
    expect(soak.tilesOnly).toBe(true);
    expect(runOrder(soak, 0)).toEqual(['ours']);
  });
});
