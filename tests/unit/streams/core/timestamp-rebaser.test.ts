import { describe, expect, it } from 'vitest';
import { TimestampRebaser } from '../../../../electron/streams/core/timestamp-rebaser';

function mapAll(rebaser: TimestampRebaser, timestamps: number[]): number[] {
  return timestamps.map((t) => rebaser.map(t));
}

describe('TimestampRebaser', () => {
  it('starts the first connection at 0 and keeps its frame spacing', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [5_000, 5_040, 5_080, 5_200])).toEqual([0, 40, 80, 200]);
  });

  it('continues one frame after the last output when a new connection restarts at 0', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40, 80]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [0, 40, 80])).toEqual([120, 160, 200]);
  });

  it('continues across a new connection whose clock is far ahead or far behind', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [1_000, 1_040]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [9_000_000, 9_000_040])).toEqual([80, 120]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [3, 43])).toEqual([160, 200]);
  });

  it('bridges a backwards jump within a connection (a looping server)', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40, 80, 12_000]);
    // 12_000 is a forward jump > 5 s: bridged to 120. Then the clip loops back to 0.
    expect(mapAll(rebaser, [0, 40])).toEqual([160, 200]);
  });

  it('bridges a big forward jump instead of leaving a gap the player stalls on', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40]);
    expect(mapAll(rebaser, [60_000, 60_040])).toEqual([80, 120]);
  });

  it('keeps a forward step of up to 5 s as it is (a slow camera, a dropped second)', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [0, 40, 2_040, 2_080])).toEqual([0, 40, 2_040, 2_080]);
  });

  it('never goes backwards and never exceeds 32 bits in a long run of mixed jumps', () => {
    const rebaser = new TimestampRebaser();
    let last = -1;
    let input = 0;
    for (let i = 0; i < 5_000; i += 1) {
      if (i % 97 === 0) rebaser.newConnection();
      input = i % 50 === 0 ? Math.floor(Math.random() * 2 ** 31) : input + 40;
      const out = rebaser.map(input);
      expect(out).toBeGreaterThanOrEqual(last);
      last = out;
    }
    expect(last).toBeLessThan(2 ** 32);
  });
});
