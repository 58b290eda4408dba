import { describe, expect, it } from 'vitest';
import { cameraAvailability } from '../../../../electron/health/availability/camera-availability';
import { HOUR, MIN, VN, day, rec, vn } from './vn-fixtures';

describe('record ordering', () => {
  it('keeps log order through a small clock correction (the last record wins)', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T10:00:00', 'unreachable'),
      rec('2025-06-02T09:59:50', 'live'),
    ];
    const report = cameraAvailability(records, VN, day('2025-06-02'), vn('2025-06-02T11:00:00'));
    expect(report.currentState).toBe('live');
    expect(report.figures.downMs).toBe(0);
    expect(report.ignoredRecords).toBe(0);
  });

  it('drops records from a clock set back by more than the tolerance, and future ones', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T10:00:00', 'unreachable'),
      rec('2025-06-02T09:00:00', 'live'), // clock set back an hour: that hour has a history
      rec('2025-06-02T09:30:00', 'connecting'),
      rec('2025-06-02T10:30:00', 'live'), // caught up
      rec('2025-06-02T13:00:00', 'damaged'), // after now
    ];
    const report = cameraAvailability(records, VN, day('2025-06-02'), vn('2025-06-02T11:00:00'));
    expect(report.ignoredRecords).toBe(3);
    expect(report.outages).toEqual([
      {
        start: vn('2025-06-02T10:00:00'),
        end: vn('2025-06-02T10:30:00'),
        officeMs: 30 * MIN,
        worstState: 'unreachable',
      },
    ]);
  });

  it('with no records everything is unknown', () => {
    const report = cameraAvailability([], VN, day('2025-06-02'), vn('2025-06-03T00:00:00'));
    expect(report.figures).toMatchObject({
      officeMs: 8 * HOUR,
      unknownMs: 8 * HOUR,
      countedMs: 0,
      availability: null,
    });
    expect(report.currentState).toBeNull();
  });
});
