import { describe, expect, it } from 'vitest';
import { niceMax } from '../../bench/report-chart';

describe('niceMax', () => {
  it('rounds an axis up to a round step times a power of ten', () => {
    expect(niceMax(0.9)).toBe(1);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(1234)).toBe(1500);
    expect(niceMax(5730)).toBe(6000);
    expect(niceMax(0)).toBe(1);
  });
});
