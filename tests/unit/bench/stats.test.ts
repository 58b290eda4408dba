import { describe, expect, it } from 'vitest';
import { leastSquaresSlope, max, mean, median, percentile, round } from '../../bench/stats';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([5], 95)).toBe(5);
  });
  it('does not depend on input order and leaves the input alone', () => {
    const values = [30, 10, 20];
    expect(median(values)).toBe(20);
    expect(values).toEqual([30, 10, 20]);
  });
  it('returns null for no values, never 0', () => {
    expect(percentile([], 50)).toBeNull();
    expect(mean([])).toBeNull();
    expect(max([])).toBeNull();
  });
});

describe('leastSquaresSlope', () => {
  it('recovers the slope of a line', () => {
    const points = [0, 1, 2, 3].map((x) => [x, 3 * x + 7] as const);
    expect(leastSquaresSlope(points)).toBeCloseTo(3);
  });
  it('is zero for a flat series with noise symmetric around it', () => {
    expect(
      leastSquaresSlope([
        [0, 1],
        [1, -1],
        [2, 1],
        [3, -1],
        [4, 1],
        [5, -1],
        [6, 1],
      ]),
    ).toBeCloseTo(0);
  });
  it('has no slope without two distinct x values', () => {
    expect(leastSquaresSlope([[1, 2]])).toBeNull();
    expect(
      leastSquaresSlope([
        [1, 2],
        [1, 5],
      ]),
    ).toBeNull();
  });
});

describe('round', () => {
  it('keeps missing values missing', () => {
    expect(round(null)).toBeNull();
    expect(round(Number.NaN)).toBeNull();
    expect(round(1.256, 2)).toBe(1.26);
  });
});
