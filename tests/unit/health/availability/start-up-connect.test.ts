import { describe, expect, it } from 'vitest';
import { cameraAvailability } from '../../../../electron/health/availability/camera-availability';
import { HOUR, S, VN, day, rec, vn } from './vn-fixtures';

// At every start the log holds: the app's start (read as 'connecting'), a few ms later the
// camera's own 'unwatched' (no tile yet), then its tile's 'connecting' and 'live'. That start-up
// connect is one short reconnect, not an outage, however the unwatched gap splits it.
describe('a start-up connect', () => {
  it('is forgiven across the unwatched moment before the first tile', () => {
    const records = [
      rec('2025-06-02T08:00:00', 'app-started'),
      { at: vn('2025-06-02T08:00:00') + 2, state: 'unwatched' as const },
      rec('2025-06-02T08:00:01', 'connecting'),
      rec('2025-06-02T08:00:05', 'live'),
    ];
    const now = vn('2025-06-02T09:00:00');
    const report = cameraAvailability(records, VN, day('2025-06-02'), now);
    expect(report.outages).toEqual([]);
    expect(report.figures.downMs).toBe(0);
    expect(report.figures.upMs).toBeGreaterThan(HOUR - 10 * S);
  });

  it('still counts a start-up connect that ends in a failure', () => {
    const records = [
      rec('2025-06-02T08:00:00', 'app-started'),
      { at: vn('2025-06-02T08:00:00') + 2, state: 'unwatched' as const },
      rec('2025-06-02T08:00:01', 'connecting'),
      rec('2025-06-02T08:00:05', 'unreachable'),
    ];
    const report = cameraAvailability(records, VN, day('2025-06-02'), vn('2025-06-02T09:00:00'));
    expect(report.outages).toHaveLength(1);
    expect(report.outages[0]!.worstState).toBe('unreachable');
  });
});
