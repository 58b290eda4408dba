import { describe, expect, it } from 'vitest';
import {
  isOpen,
  nextChange,
  openDuration,
  openSpans,
} from '../../../electron/schedule/office-hours';
import { defaultSchedule, type OfficeSchedule } from '../../../electron/schedule/schedule-model';

const HOUR = 3_600_000;
// Vietnam is UTC+7 all year: local 07:00 is 00:00Z.
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const VN = defaultSchedule('Asia/Ho_Chi_Minh');

describe('isOpen (Asia/Ho_Chi_Minh, default hours)', () => {
  it('is open in the morning and afternoon, closed at lunch, at night and at the weekend', () => {
    // 2025-06-02 is a Monday.
    expect(isOpen(VN, vn('2025-06-02T06:59:59.999'))).toBe(false);
    expect(isOpen(VN, vn('2025-06-02T07:00:00'))).toBe(true);
    expect(isOpen(VN, vn('2025-06-02T11:29:59.999'))).toBe(true);
    expect(isOpen(VN, vn('2025-06-02T11:30:00'))).toBe(false);
    expect(isOpen(VN, vn('2025-06-02T13:30:00'))).toBe(true);
    expect(isOpen(VN, vn('2025-06-02T17:00:00'))).toBe(false);
    expect(isOpen(VN, vn('2025-06-07T08:00:00'))).toBe(false); // Saturday
    expect(isOpen(VN, vn('2025-06-08T08:00:00'))).toBe(false); // Sunday
  });

  it('opens Saturday mornings only when asked', () => {
    const sat = defaultSchedule('Asia/Ho_Chi_Minh', { saturdayMorning: true });
    expect(isOpen(sat, vn('2025-06-07T08:00:00'))).toBe(true);
    expect(isOpen(sat, vn('2025-06-07T14:00:00'))).toBe(false);
  });

  it('is closed all day on a holiday and open on an extra working Saturday', () => {
    const s: OfficeSchedule = {
      ...VN,
      holidays: ['2025-09-02'], // a Tuesday
      extraWorkingDays: ['2025-04-26'], // a Saturday
    };
    expect(isOpen(s, vn('2025-09-02T09:00:00'))).toBe(false);
    expect(isOpen(s, vn('2025-09-03T09:00:00'))).toBe(true);
    expect(isOpen(s, vn('2025-04-26T09:00:00'))).toBe(true);
    expect(isOpen(s, vn('2025-04-26T15:00:00'))).toBe(true);
    expect(isOpen(s, vn('2025-04-26T12:00:00'))).toBe(false);
  });
});

describe('openSpans', () => {
  it('lists one week as ten spans totalling 40 hours', () => {
    const spans = openSpans(VN, vn('2025-06-02T00:00:00'), vn('2025-06-09T00:00:00'));
    expect(spans).toHaveLength(10);
    expect(spans[0]).toEqual([vn('2025-06-02T07:00:00'), vn('2025-06-02T11:30:00')]);
    expect(openDuration(VN, vn('2025-06-02T00:00:00'), vn('2025-06-09T00:00:00'))).toBe(40 * HOUR);
  });

  it('clips to the range', () => {
    expect(openSpans(VN, vn('2025-06-02T10:00:00'), vn('2025-06-02T14:00:00'))).toEqual([
      [vn('2025-06-02T10:00:00'), vn('2025-06-02T11:30:00')],
      [vn('2025-06-02T13:30:00'), vn('2025-06-02T14:00:00')],
    ]);
    expect(openSpans(VN, 5, 5)).toEqual([]);
  });

  it('joins a day ending at 24:00 with the next starting at 00:00 (across midnight)', () => {
    const night: OfficeSchedule = {
      ...VN,
      weekly: { ...VN.weekly, mon: [{ start: 22 * 60, end: 1440 }], tue: [{ start: 0, end: 120 }] },
    };
    expect(openSpans(night, vn('2025-06-02T00:00:00'), vn('2025-06-03T12:00:00'))).toEqual([
      [vn('2025-06-02T22:00:00'), vn('2025-06-03T02:00:00')],
    ]);
    expect(isOpen(night, vn('2025-06-03T00:00:00'))).toBe(true);
    expect(nextChange(night, vn('2025-06-02T23:00:00'))).toEqual({
      at: vn('2025-06-03T02:00:00'),
      opens: false,
    });
  });
});

describe('nextChange', () => {
  it('finds the next closing while open and the next opening while closed', () => {
    expect(nextChange(VN, vn('2025-06-02T08:00:00'))).toEqual({
      at: vn('2025-06-02T11:30:00'),
      opens: false,
    });
    expect(nextChange(VN, vn('2025-06-02T11:30:00'))).toEqual({
      at: vn('2025-06-02T13:30:00'),
      opens: true,
    });
  });

  it('skips the weekend and a holiday Monday', () => {
    const s = { ...VN, holidays: ['2025-06-09'] };
    expect(nextChange(s, vn('2025-06-06T17:00:00'))).toEqual({
      at: vn('2025-06-10T07:00:00'),
      opens: true,
    });
  });

  it('is null for a schedule that never opens, and finds a far extra working day', () => {
    const closed = defaultSchedule('Asia/Ho_Chi_Minh');
    const none = {
      ...closed,
      weekly: { ...closed.weekly, mon: [], tue: [], wed: [], thu: [], fri: [] },
    };
    expect(nextChange(none, vn('2025-06-02T08:00:00'))).toBeNull();
    const far = { ...none, extraWorkingDays: ['2026-01-03'] };
    expect(nextChange(far, vn('2025-06-02T08:00:00'))).toEqual({
      at: vn('2026-01-03T07:00:00'),
      opens: true,
    });
  });

  it('does not report a false opening inside a span longer than the search chunk', () => {
    const always = { start: 0, end: 1440 };
    const s: OfficeSchedule = {
      ...VN,
      weekly: {
        sun: [always],
        mon: [always],
        tue: [always],
        wed: [always],
        thu: [always],
        fri: [always],
        sat: [always],
      },
      holidays: ['2025-08-01'],
    };
    expect(nextChange(s, vn('2025-06-02T08:00:00'))).toEqual({
      at: vn('2025-08-01T00:00:00'),
      opens: false,
    });
  });
});

describe('DST in Europe/Berlin', () => {
  const berlin = (hours: OfficeSchedule['weekly']['sun']): OfficeSchedule => ({
    ...defaultSchedule('Europe/Berlin'),
    weekly: { sun: hours, mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
  });

  it('an opening 01:30–03:30 on the spring-forward Sunday lasts one hour', () => {
    // 2025-03-30: 02:00 CET becomes 03:00 CEST (01:00Z).
    const s = berlin([{ start: 90, end: 210 }]);
    const spans = openSpans(s, Date.UTC(2025, 2, 29), Date.UTC(2025, 2, 31));
    expect(spans).toEqual([[Date.UTC(2025, 2, 30, 0, 30), Date.UTC(2025, 2, 30, 1, 30)]]);
    expect(openDuration(s, Date.UTC(2025, 2, 29), Date.UTC(2025, 2, 31))).toBe(HOUR);
  });

  it('a boundary in the skipped hour is the jump', () => {
    const s = berlin([{ start: 150, end: 240 }]); // 02:30–04:00; 02:30 never happens
    expect(openSpans(s, Date.UTC(2025, 2, 29), Date.UTC(2025, 2, 31))).toEqual([
      [Date.UTC(2025, 2, 30, 1, 0), Date.UTC(2025, 2, 30, 2, 0)],
    ]);
  });

  it('an opening 02:00–03:00 on the fall-back Sunday lasts two hours', () => {
    // 2025-10-26: 03:00 CEST becomes 02:00 CET (01:00Z), so 02:00–03:00 happens twice.
    const s = berlin([{ start: 120, end: 180 }]);
    expect(openSpans(s, Date.UTC(2025, 9, 25), Date.UTC(2025, 9, 27))).toEqual([
      [Date.UTC(2025, 9, 26, 0, 0), Date.UTC(2025, 9, 26, 2, 0)],
    ]);
    expect(isOpen(s, Date.UTC(2025, 9, 26, 1, 30))).toBe(true);
    expect(nextChange(s, Date.UTC(2025, 9, 26, 0, 30))).toEqual({
      at: Date.UTC(2025, 9, 26, 2, 0),
      opens: false,
    });
  });

  it('ordinary office hours keep their wall-clock times on both sides of a change', () => {
    const s = defaultSchedule('Europe/Berlin');
    // Friday before (CET, +1) and Monday after (CEST, +2) the spring change.
    expect(openSpans(s, Date.UTC(2025, 2, 28), Date.UTC(2025, 2, 28, 12))[0]).toEqual([
      Date.UTC(2025, 2, 28, 6),
      Date.UTC(2025, 2, 28, 10, 30),
    ]);
    expect(openSpans(s, Date.UTC(2025, 2, 31), Date.UTC(2025, 2, 31, 12))[0]).toEqual([
      Date.UTC(2025, 2, 31, 5),
      Date.UTC(2025, 2, 31, 9, 30),
    ]);
    expect(openDuration(s, Date.UTC(2025, 2, 24), Date.UTC(2025, 3, 7))).toBe(80 * HOUR);
  });
});
