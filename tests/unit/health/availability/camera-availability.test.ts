import { describe, expect, it } from 'vitest';
import {
  cameraAvailability,
  dailyAvailability,
} from '../../../../electron/health/availability/camera-availability';
import type { CameraStateRecord } from '../../../../electron/health/availability/availability-model';
import { defaultSchedule, type OfficeSchedule } from '../../../../electron/schedule/schedule-model';

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
// Vietnam is UTC+7 all year; 2025-06-02 is a Monday.
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const VN = defaultSchedule('Asia/Ho_Chi_Minh');
const rec = (iso: string, state: CameraStateRecord['state'], reason?: string): CameraStateRecord =>
  reason === undefined ? { at: vn(iso), state } : { at: vn(iso), state, reason };
const day = (date: string) => ({
  from: vn(`${date}T00:00:00`),
  to: vn(`${date}T23:59:59.999`) + 1,
});

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
