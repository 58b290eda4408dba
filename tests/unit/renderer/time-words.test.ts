// Times and durations as the wall says them, in both languages. Dates are built in local time
// (the wall speaks the PC's own clock), so the expectations hold in any time zone.
import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatDuration,
  formatRetryWait,
  formatSince,
  formatTimeOfDay,
} from '../../../renderer/src/status/time-words';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (month: number, day: number, h: number, m: number, s = 0, year = 2026): number =>
  new Date(year, month - 1, day, h, m, s).getTime();

describe('formatDuration', () => {
  it('says "just now" under a minute, and never goes negative', () => {
    expect(formatDuration(0, 'vi')).toBe('vừa xong');
    expect(formatDuration(59_999, 'vi')).toBe('vừa xong');
    expect(formatDuration(-5 * MIN, 'en')).toBe('just now');
  });

  it('counts whole minutes from 60 s, never 119 seconds', () => {
    expect(formatDuration(60_000, 'vi')).toBe('1 phút');
    expect(formatDuration(119_000, 'vi')).toBe('1 phút');
    expect(formatDuration(23 * MIN + 59_000, 'vi')).toBe('23 phút');
    expect(formatDuration(59 * MIN, 'en')).toBe('59 min');
    expect(formatDuration(MIN, 'en')).toBe('1 min');
  });

  it('says hours and minutes, dropping a zero part', () => {
    expect(formatDuration(2 * HOUR + 5 * MIN, 'vi')).toBe('2 giờ 5 phút');
    expect(formatDuration(HOUR, 'vi')).toBe('1 giờ');
    expect(formatDuration(HOUR + MIN, 'en')).toBe('1 hour 1 min');
    expect(formatDuration(2 * HOUR + 5 * MIN, 'en')).toBe('2 hours 5 min');
    expect(formatDuration(23 * HOUR + 59 * MIN, 'en')).toBe('23 hours 59 min');
  });

  it('says days and hours past a day, with English plurals', () => {
    expect(formatDuration(DAY, 'vi')).toBe('1 ngày');
    expect(formatDuration(DAY + 2 * HOUR + 30 * MIN, 'vi')).toBe('1 ngày 2 giờ');
    expect(formatDuration(DAY + HOUR, 'en')).toBe('1 day 1 hour');
    expect(formatDuration(3 * DAY + 2 * HOUR, 'en')).toBe('3 days 2 hours');
  });
});

describe('formatSince', () => {
  it('says the time of day and how long, today', () => {
    expect(formatSince(at(11, 30, 9, 14), at(11, 30, 9, 37, 30), 'vi')).toBe('từ 09:14 (23 phút)');
    expect(formatSince(at(11, 30, 9, 14), at(11, 30, 9, 37, 30), 'en')).toBe(
      'since 09:14 (23 min)',
    );
    expect(formatSince(at(11, 30, 7, 30, 10), at(11, 30, 7, 30, 50), 'vi')).toBe(
      'từ 07:30 (vừa xong)',
    );
    expect(formatSince(at(11, 30, 14, 2), at(11, 30, 16, 7), 'vi')).toBe('từ 14:02 (2 giờ 5 phút)');
  });

  it('adds the date once the calendar day has changed, even a minute after midnight', () => {
    expect(formatSince(at(11, 29, 23, 50), at(11, 30, 0, 10), 'vi')).toBe(
      'từ 23:50 ngày 29/11 (20 phút)',
    );
    expect(formatSince(at(11, 29, 23, 59, 59), at(11, 30, 0, 0, 30), 'en')).toBe(
      'since 23:59 on 29/11 (just now)',
    );
    expect(formatSince(at(11, 28, 14, 2), at(11, 30, 16, 2), 'vi')).toBe(
      'từ 14:02 ngày 28/11 (2 ngày 2 giờ)',
    );
    // Midnight itself is today.
    expect(formatSince(at(11, 30, 0, 0), at(11, 30, 0, 45), 'vi')).toBe('từ 00:00 (45 phút)');
  });

  it('adds the year across new year, and reads a moment after now as today, just now', () => {
    expect(formatSince(at(12, 31, 22, 0, 0, 2026), at(1, 1, 8, 0, 0, 2027), 'vi')).toBe(
      'từ 22:00 ngày 31/12/2026 (10 giờ)',
    );
    expect(formatSince(at(11, 30, 9, 15), at(11, 30, 9, 14), 'vi')).toBe('từ 09:15 (vừa xong)');
  });
});

describe('formatTimeOfDay', () => {
  it('is 24-hour HH:mm', () => {
    expect(formatTimeOfDay(at(11, 30, 7, 5, 9))).toBe('07:05');
    expect(formatTimeOfDay(at(11, 30, 23, 59, 59))).toBe('23:59');
  });
});

describe('formatCountdown', () => {
  it('counts whole seconds, rounded up, under a minute, then whole minutes, rounded up', () => {
    expect(formatCountdown(0, 'vi')).toBe('0 giây');
    expect(formatCountdown(1, 'vi')).toBe('1 giây');
    expect(formatCountdown(59_000, 'en')).toBe('59 s');
    expect(formatCountdown(59_001, 'vi')).toBe('1 phút');
    expect(formatCountdown(119_000, 'vi')).toBe('2 phút');
    expect(formatCountdown(5 * MIN, 'en')).toBe('5 min');
    expect(formatCountdown(HOUR + 4 * MIN + 1, 'en')).toBe('1 hour 5 min');
  });
});

describe('formatRetryWait', () => {
  const now = at(11, 30, 10, 0);

  it('says the wall reconnects by itself, without a countdown, for a short wait', () => {
    expect(formatRetryWait(null, now, 'vi')).toBe('Đang tự kết nối lại');
    expect(formatRetryWait(now + 30_000, now, 'en')).toBe('Reconnecting');
    expect(formatRetryWait(now + 119_000, now, 'vi')).toBe('Đang tự kết nối lại');
  });

  it('says a long wait in whole minutes, rounded up', () => {
    expect(formatRetryWait(now + 2 * MIN, now, 'vi')).toBe('Tự kết nối lại sau 2 phút');
    expect(formatRetryWait(now + 4 * MIN + 1_000, now, 'vi')).toBe('Tự kết nối lại sau 5 phút');
    expect(formatRetryWait(now + 30 * MIN, now, 'en')).toBe('Reconnects by itself in 30 min');
    expect(formatRetryWait(now + HOUR + 5 * MIN, now, 'en')).toBe(
      'Reconnects by itself in 1 hour 5 min',
    );
  });
});
