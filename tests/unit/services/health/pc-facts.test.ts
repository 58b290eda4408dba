import { describe, expect, it } from 'vitest';
import { clockCheck, EARLIEST_PLAUSIBLE_MS } from '../../../../electron/services/health/pc-facts';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 2);

describe('clockCheck', () => {
  it('accepts a clock after this version and after the log', () => {
    expect(clockCheck(NOW, NOW - 3 * 24 * 60 * MINUTE)).toEqual({
      now: NOW,
      lastLogEntry: NOW - 3 * 24 * 60 * MINUTE,
      problem: null,
    });
    expect(clockCheck(NOW, null).problem).toBeNull();
  });

  it('flags a clock before this version could run (a dead CMOS battery boots into 2000)', () => {
    expect(clockCheck(Date.UTC(2000, 0, 1), null).problem).toBe('before-release');
    expect(clockCheck(EARLIEST_PLAUSIBLE_MS - 1, null).problem).toBe('before-release');
    expect(clockCheck(EARLIEST_PLAUSIBLE_MS, null).problem).toBeNull();
  });

  it('flags a clock behind the log’s last entry, past ten minutes of slack', () => {
    expect(clockCheck(NOW, NOW + 10 * MINUTE).problem).toBeNull();
    expect(clockCheck(NOW, NOW + 10 * MINUTE + 1).problem).toBe('behind-log');
    expect(clockCheck(NOW, NOW + 30 * 24 * 60 * MINUTE).problem).toBe('behind-log');
  });
});
