// The wall's clock words: 24-hour time, day/month/year, the weekday spelled out in the wall's
// language, in the schedule's time zone (not the browser's).
import { describe, expect, it } from 'vitest';
import { clockText, dayText, timeText } from '../../../renderer/src/clock/clock-words';

// 2026-11-27 is a Friday; 07:05 UTC is 14:05 in Vietnam (UTC+7).
const at = Date.parse('2026-11-27T07:05:00Z');

describe('clock words', () => {
  it('reads "14:05 · Thứ Sáu, 27/11/2026" in Vietnamese and the same shape in English', () => {
    expect(clockText('vi', at, 'Asia/Ho_Chi_Minh')).toBe('14:05 · Thứ Sáu, 27/11/2026');
    expect(clockText('en', at, 'Asia/Ho_Chi_Minh')).toBe('14:05 · Friday, 27/11/2026');
  });

  it('uses the zone it is given, across midnight into another weekday', () => {
    expect(clockText('vi', at, 'UTC')).toBe('07:05 · Thứ Sáu, 27/11/2026');
    const lateUtc = Date.parse('2026-11-28T17:30:00Z'); // Sunday 00:30 in Vietnam
    expect(clockText('vi', lateUtc, 'Asia/Ho_Chi_Minh')).toBe('00:30 · Chủ Nhật, 29/11/2026');
    expect(timeText(lateUtc, 'Asia/Ho_Chi_Minh')).toBe('00:30');
  });

  it('names every weekday, and gives a short day for "back at…"', () => {
    const sunday = Date.parse('2026-11-29T05:00:00Z');
    const days = [0, 1, 2, 3, 4, 5, 6].map((d) => dayText('vi', sunday + d * 86_400_000, 'UTC'));
    expect(days).toEqual([
      'Chủ Nhật, 29/11/2026',
      'Thứ Hai, 30/11/2026',
      'Thứ Ba, 01/12/2026',
      'Thứ Tư, 02/12/2026',
      'Thứ Năm, 03/12/2026',
      'Thứ Sáu, 04/12/2026',
      'Thứ Bảy, 05/12/2026',
    ]);
    expect(dayText('en', Date.parse('2026-11-30T05:00:00Z'), 'UTC', false)).toBe('Monday 30/11');
  });

  it('falls back to the browser’s zone for a zone it does not know, rather than no clock', () => {
    expect(timeText(at, 'Not/AZone')).toMatch(/^\d{2}:\d{2}$/);
  });
});
