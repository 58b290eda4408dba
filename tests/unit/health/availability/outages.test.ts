import { describe, expect, it } from 'vitest';
import { cameraAvailability } from '../../../../electron/health/availability/camera-availability';
import { dailyAvailability } from '../../../../electron/health/availability/daily-availability';
import { HOUR, MIN, S, VN, day, rec, vn } from './vn-fixtures';

describe('outages', () => {
  it('one outage across midnight counts only office hours on each side', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T16:00:00', 'no-media'),
      rec('2025-06-03T08:00:00', 'live'),
    ];
    const now = vn('2025-06-03T12:00:00');
    const report = cameraAvailability(
      records,
      VN,
      { from: vn('2025-06-02T00:00:00'), to: now },
      now,
    );
    expect(report.outages).toEqual([
      {
        start: vn('2025-06-02T16:00:00'),
        end: vn('2025-06-03T08:00:00'),
        officeMs: 2 * HOUR,
        worstState: 'no-media',
      },
    ]);
    const days = dailyAvailability(records, VN, { first: '2025-06-02', last: '2025-06-03' }, now);
    expect(days.map((d) => [d.officeMs, d.downMs])).toEqual([
      [8 * HOUR, HOUR],
      [4.5 * HOUR, HOUR], // Tuesday up to now, 12:00
    ]);
  });

  it('one outage across a weekend, through outside-hours and a reconnect after it', () => {
    const records = [
      rec('2025-06-06T06:00:00', 'live'),
      rec('2025-06-06T16:30:00', 'unreachable'),
      rec('2025-06-06T17:00:00', 'outside-hours'),
      rec('2025-06-09T07:00:00', 'connecting'), // follows a failure, so not forgiven
      rec('2025-06-09T07:00:10', 'unreachable'),
      rec('2025-06-09T09:00:00', 'live'),
    ];
    const report = cameraAvailability(
      records,
      VN,
      { from: vn('2025-06-06T00:00:00'), to: vn('2025-06-10T00:00:00') },
      vn('2025-06-10T12:00:00'),
    );
    expect(report.outages).toEqual([
      {
        start: vn('2025-06-06T16:30:00'),
        end: vn('2025-06-09T09:00:00'),
        officeMs: 2.5 * HOUR,
        worstState: 'unreachable',
      },
    ]);
    expect(report.figures.officeMs).toBe(16 * HOUR);
    expect(report.figures.upMs).toBe(13.5 * HOUR);
  });

  it('an app restart during an outage is app-not-running, and the outage goes on', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T09:00:00', 'unreachable'),
      rec('2025-06-02T10:00:00', 'app-stopped'),
      rec('2025-06-02T10:30:00', 'app-started'),
      rec('2025-06-02T10:30:40', 'unreachable'),
      rec('2025-06-02T11:00:00', 'live'),
    ];
    const now = vn('2025-06-02T12:00:00');
    const report = cameraAvailability(records, VN, day('2025-06-02'), now);
    expect(report.to).toBe(now);
    expect(report.figures).toMatchObject({
      officeMs: 4.5 * HOUR,
      upMs: 2.5 * HOUR,
      downMs: 1.5 * HOUR,
      appNotRunningMs: 30 * MIN,
      countedMs: 4 * HOUR,
      availability: 2.5 / 4,
    });
    expect(report.outages).toEqual([
      {
        start: vn('2025-06-02T09:00:00'),
        end: vn('2025-06-02T11:00:00'),
        officeMs: 1.5 * HOUR,
        worstState: 'unreachable',
      },
    ]);
  });

  it('the connecting grace is a parameter', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T08:00:00', 'connecting'),
      rec('2025-06-02T08:00:40', 'live'),
    ];
    const now = vn('2025-06-02T12:00:00');
    expect(cameraAvailability(records, VN, day('2025-06-02'), now).outages).toHaveLength(1);
    const lenient = cameraAvailability(records, VN, day('2025-06-02'), now, {
      connectingGraceMs: 60 * S,
    });
    expect(lenient.outages).toEqual([]);
    expect(lenient.figures.downMs).toBe(0);
  });

  it('reports the ongoing outage with its worst state, even after hours', () => {
    const records = [
      rec('2025-06-02T06:00:00', 'live'),
      rec('2025-06-02T10:00:00', 'unreachable'),
      rec('2025-06-02T10:05:00', 'auth-failed', 'wrong password'),
      rec('2025-06-02T10:06:00', 'connecting'),
    ];
    const now = vn('2025-06-02T10:30:00');
    expect(cameraAvailability(records, VN, day('2025-06-02'), now).currentOutage).toEqual({
      start: vn('2025-06-02T10:00:00'),
      end: null,
      officeMs: 30 * MIN,
      worstState: 'auth-failed',
      reason: 'wrong password',
    });
    const evening = [rec('2025-06-02T06:00:00', 'live'), rec('2025-06-02T18:00:00', 'damaged')];
    const late = cameraAvailability(evening, VN, day('2025-06-02'), vn('2025-06-02T19:00:00'));
    expect(late.outages).toEqual([]);
    expect(late.currentOutage).toMatchObject({
      start: vn('2025-06-02T18:00:00'),
      officeMs: 0,
      worstState: 'damaged',
    });
  });

  it('a reconnect still under the grace at now is not yet an outage', () => {
    const records = [rec('2025-06-02T06:00:00', 'live'), rec('2025-06-02T10:00:00', 'connecting')];
    expect(
      cameraAvailability(records, VN, day('2025-06-02'), vn('2025-06-02T10:00:20')).currentOutage,
    ).toBeNull();
    expect(
      cameraAvailability(records, VN, day('2025-06-02'), vn('2025-06-02T10:00:30')).currentOutage,
    ).toMatchObject({
      start: vn('2025-06-02T10:00:00'),
    });
  });
});
