import { describe, expect, it } from 'vitest';
import { niceMax } from '../../bench/report-chart';

describe('niceMax', () => {
  it('rounds an axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(0.8)).toBe(1);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(1234)).toBe(2000);
    expect(niceMax(2100)).toBe(2500);
    expect(niceMax(0)).toBe(1);
  });
});
