import { describe, expect, it } from 'vitest';
import { attempt, isNotMeasured, measuredOf } from '../../bench/attempt';

const noWait = { sleep: async () => undefined };

describe('attempt', () => {
  it('returns the value of a part that works, running it once', async () => {
    let calls = 0;
    const out = await attempt('part', async () => ++calls, noWait);
    expect(out).toBe(1);
    expect(calls).toBe(1);
  });

  it('tries a failed part once more and keeps the second result', async () => {
    let calls = 0;
    const lines: string[] = [];
    const out = await attempt(
      'rtsp',
      async () => {
        if (++calls === 1) throw new Error('read ECONNRESET');
        return 'measured';
      },
      { ...noWait, log: (l) => lines.push(l) },
    );
    expect(out).toBe('measured');
    expect(calls).toBe(2);
    expect(lines).toEqual(['rtsp failed (read ECONNRESET); trying once more']);
  });

  it('records a part that fails twice as not measured, with both reasons', async () => {
    let calls = 0;
    const out = await attempt(
      'relay',
      async () => {
        throw new Error(++calls === 1 ? 'first' : 'second');
      },
      noWait,
    );
    expect(calls).toBe(2);
    expect(out).toEqual({ notMeasured: 'first; then second' });
    expect(isNotMeasured(out)).toBe(true);
    expect(measuredOf(out)).toBeNull();
  });

  it('says "twice" rather than repeating the same reason', async () => {
    const out = await attempt(
      'x',
      async () => {
        throw new Error('ECONNRESET');
      },
      noWait,
    );
    expect(out).toEqual({ notMeasured: 'ECONNRESET (twice)' });
  });

  it('tells a measured value from null and from not measured', () => {
    expect(measuredOf({ p50: 1 })).toEqual({ p50: 1 });
    expect(measuredOf(null)).toBeNull();
    expect(isNotMeasured(null)).toBe(false);
    expect(isNotMeasured({ p50: 1 })).toBe(false);
  });
});
