import { describe, expect, it } from 'vitest';
import { cameraAvailability } from '../../../../electron/health/availability/camera-availability';
import { dailyAvailability } from '../../../../electron/health/availability/daily-availability';
import type { CameraStateRecord } from '../../../../electron/health/availability/availability-model';
import { defaultSchedule, type OfficeSchedule } from '../../../../electron/schedule/schedule-model';
import { HOUR, MIN, S, VN, rec, vn } from './vn-fixtures';

describe('cameraAvailability over a week', () => {
  // Mon–Fri 07:00–11:30 and 13:30–17:00: 40 h of office time.
  const records = [
    rec('2025-06-02T06:00:00', 'app-started'),
    rec('2025-06-02T06:00:10', 'live'),
    rec('2025-06-03T09:00:00', 'unreachable', 'connection refused'),
    rec('2025-06-03T10:00:00', 'connecting'), // a retry: part of the outage
    rec('2025-06-03T10:00:20', 'live'),
    rec('2025-06-04T08:00:00', 'connecting'), // a 10 s reconnect between live periods
    rec('2025-06-04T08:00:10', 'live'),
    rec('2025-06-05T14:00:00', 'disabled'),
    rec('2025-06-05T16:00:00', 'live'),
    rec('2025-06-06T12:00:00', 'app-stopped'),
    rec('2025-06-06T14:00:00', 'app-started'),
    rec('2025-06-06T14:00:05', 'live'),
  ];
  const report = cameraAvailability(
    records,
    VN,
    { from: vn('2025-06-02T00:00:00'), to: vn('2025-06-09T00:00:00') },
    vn('2025-06-09T12:00:00'),
  );

  it('splits office time into up, down, disabled and app-not-running, in whole ms', () => {
    const counted = 40 * HOUR - 2 * HOUR - 30 * MIN;
    expect(report.figures).toEqual({
      officeMs: 40 * HOUR,
      upMs: counted - (HOUR + 20 * S),
      downMs: HOUR + 20 * S,
      disabledMs: 2 * HOUR,
      appNotRunningMs: 30 * MIN, // Friday 13:30–14:00; 12:00–13:30 was lunch
      unknownMs: 0,
      countedMs: counted,
      availability: (counted - (HOUR + 20 * S)) / counted,
    });
  });

  it('lists the one outage, not the short reconnect or the restart', () => {
    expect(report.outages).toEqual([
      {
        start: vn('2025-06-03T09:00:00'),
        end: vn('2025-06-03T10:00:20'),
        officeMs: HOUR + 20 * S,
        worstState: 'unreachable',
        reason: 'connection refused',
      },
    ]);
    expect(report.currentOutage).toBeNull();
    expect(report.currentState).toBe('live');
    expect(report.downSpans).toEqual([[vn('2025-06-03T09:00:00'), vn('2025-06-03T10:00:20')]]);
  });

  it('gives per-day figures in the schedule zone', () => {
    const days = dailyAvailability(
      records,
      VN,
      { first: '2025-06-02', last: '2025-06-08' },
      vn('2025-06-09T12:00:00'),
    );
    expect(
      days.map((d) => [d.date, d.officeMs / HOUR, d.downMs, d.disabledMs, d.appNotRunningMs]),
    ).toEqual([
      ['2025-06-02', 8, 0, 0, 0],
      ['2025-06-03', 8, HOUR + 20 * S, 0, 0],
      ['2025-06-04', 8, 0, 0, 0],
      ['2025-06-05', 8, 0, 2 * HOUR, 0],
      ['2025-06-06', 8, 0, 0, 30 * MIN],
      ['2025-06-07', 0, 0, 0, 0],
      ['2025-06-08', 0, 0, 0, 0],
    ]);
    expect(days[5]!.availability).toBeNull();
  });
});

describe('DST days (Europe/Berlin)', () => {
  const sunday = (hours: { start: number; end: number }[]): OfficeSchedule => ({
    ...defaultSchedule('Europe/Berlin'),
    weekly: { sun: hours, mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
  });

  it('counts the one real hour of 01:30–03:30 on the spring-forward day', () => {
    const s = sunday([{ start: 90, end: 210 }]);
    const records: CameraStateRecord[] = [
      { at: Date.UTC(2025, 2, 29), state: 'live' },
      { at: Date.UTC(2025, 2, 30, 0, 45), state: 'unreachable' },
      { at: Date.UTC(2025, 2, 30, 1, 15), state: 'live' },
    ];
    const now = Date.UTC(2025, 3, 1);
    const [d] = dailyAvailability(records, s, { first: '2025-03-30', last: '2025-03-30' }, now);
    expect(d).toMatchObject({
      date: '2025-03-30',
      officeMs: HOUR,
      upMs: 30 * MIN,
      downMs: 30 * MIN,
      availability: 0.5,
    });
  });

  it('a fall-back day open all day has 25 hours', () => {
    const s = sunday([{ start: 0, end: 1440 }]);
    const records: CameraStateRecord[] = [{ at: Date.UTC(2025, 9, 25), state: 'live' }];
    const [d] = dailyAvailability(
      records,
      s,
      { first: '2025-10-26', last: '2025-10-26' },
      Date.UTC(2025, 10, 1),
    );
    expect(d).toMatchObject({ officeMs: 25 * HOUR, upMs: 25 * HOUR, availability: 1 });
  });
});
