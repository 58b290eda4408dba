// The configuration's "schedule" field: checked with every problem named, kept as IT wrote it
// (so --protect-config writes it back unchanged), the default hours when absent, and
// `"always": true` for a wall that never goes dark (the demo's).
import { describe, expect, it } from 'vitest';
import { isOpen, nextChange } from '../../../electron/schedule/office-hours';
import { demoSettings, demoSettingsFile } from '../../../electron/settings/demo-config';
import {
  ROUND_THE_CLOCK,
  officeSchedule,
  parseScheduleField,
  pcTimeZone,
} from '../../../electron/settings/schedule-field';
import type { ScheduleProblem } from '../../../electron/schedule/validate-schedule';
import { settingsFile } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const config = (schedule?: unknown) => ({
  schemaVersion: 1,
  sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
  cameras: [
    { id: 'c1', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
  ],
  layout: { preset: '1x1', cameraIds: ['c1'] },
  ...(schedule === undefined ? {} : { schedule }),
});

describe('the schedule field', () => {
  it('is optional: without it the wall keeps Monday–Friday hours in the PC’s own zone', () => {
    const parsed = parseSettings(config());
    expect(parsed.ok && parsed.settings.schedule).toBe(undefined);
    const schedule = officeSchedule(undefined);
    expect(schedule.timeZone).toBe(pcTimeZone());
    expect(schedule.weekly.mon).toEqual([
      { start: 7 * 60, end: 11 * 60 + 30 },
      { start: 13 * 60 + 30, end: 17 * 60 },
    ]);
    expect(schedule.weekly.sat).toEqual([]);
  });

  it('without the field the wall goes dark outside the default hours, Saturday only if asked', () => {
    const parsed = parseSettings(config());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const schedule = officeSchedule(parsed.settings.schedule, 'Asia/Ho_Chi_Minh');
    // 30 Nov 2026 is a Monday, 28 Nov a Saturday.
    expect(isOpen(schedule, vn('2026-11-30T08:00:00'))).toBe(true);
    expect(isOpen(schedule, vn('2026-11-30T12:00:00'))).toBe(false);
    expect(isOpen(schedule, vn('2026-11-30T20:00:00'))).toBe(false);
    expect(isOpen(schedule, vn('2026-11-28T08:00:00'))).toBe(false);
    expect(nextChange(schedule, vn('2026-11-30T12:00:00'))).toEqual({
      at: vn('2026-11-30T13:30:00'),
      opens: true,
    });
    const saturdays = officeSchedule({ saturdayMorning: true }, 'Asia/Ho_Chi_Minh');
    expect(isOpen(saturdays, vn('2026-11-28T08:00:00'))).toBe(true);
    expect(isOpen(saturdays, vn('2026-11-28T12:00:00'))).toBe(false);
  });

  it('"always": true keeps the wall on round the clock, holidays and nights included', () => {
    const parsed = parseSettings(config({ always: true, timeZone: 'Asia/Ho_Chi_Minh' }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.settings.schedule).toEqual({ always: true, timeZone: 'Asia/Ho_Chi_Minh' });
    const always = officeSchedule(parsed.settings.schedule);
    expect(always.timeZone).toBe('Asia/Ho_Chi_Minh');
    const nights = ['2026-11-29T03:00:00', '2026-11-28T23:59:59', '2026-11-30T12:00:00'];
    for (const at of [...nights, '2027-01-01T10:00:00']) {
      expect(isOpen(always, vn(at)), at).toBe(true);
    }
    expect(nextChange(always, vn('2026-11-30T12:00:00'))).toBeNull();
    // `"always": false` is the same as leaving it out.
    const off = officeSchedule({ always: false }, 'Asia/Ho_Chi_Minh');
    expect(isOpen(off, vn('2026-11-30T12:00:00'))).toBe(false);
  });

  it('refuses "always" that is not a flag, or beside hours it would contradict, in both languages', () => {
    const parsed = parseSettings(config({ always: true, saturdayMorning: true, holidays: [] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      'schedule.saturdayMorning: cannot be combined with "always": true (the wall is on round the clock); remove one of the two',
      'schedule.holidays: cannot be combined with "always": true (the wall is on round the clock); remove one of the two',
    ]);
    expect(parsed.problems[0]).toMatchObject({
      field: 'schedule.saturdayMorning',
      code: 'conflicts-with-always',
      message: {
        vi: 'Không dùng cùng "always": true (màn hình luôn bật cả ngày đêm); hãy bỏ một trong hai.',
      },
    });
    const notFlag = parseSettings(config({ always: 'yes' }));
    expect(notFlag.ok).toBe(false);
    if (notFlag.ok) return;
    expect(notFlag.problems).toEqual([
      expect.objectContaining({
        field: 'schedule.always',
        code: 'not-a-flag',
        message: { en: 'must be true or false', vi: 'Phải là true hoặc false.' },
      }),
    ]);
  });

  it('the demo wall is on round the clock, so it shows pictures in the evening and at weekends', () => {
    expect(demoSettingsFile().schedule).toEqual(ROUND_THE_CLOCK);
    const schedule = officeSchedule(demoSettings().schedule, 'Asia/Ho_Chi_Minh');
    expect(isOpen(schedule, vn('2026-11-28T21:00:00'))).toBe(true); // Saturday evening
    expect(isOpen(schedule, vn('2026-11-29T03:00:00'))).toBe(true); // Sunday night
  });

  it('keeps the field as written, through the file form --protect-config writes back', () => {
    const written = {
      timeZone: 'Asia/Ho_Chi_Minh',
      saturdayMorning: true,
      holidays: ['2026-09-02'],
    };
    const parsed = parseSettings(config(written));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.settings.schedule).toEqual(written);
    expect(settingsFile(parsed.settings).schedule).toEqual(written);
    const schedule = officeSchedule(parsed.settings.schedule);
    expect(isOpen(schedule, vn('2026-11-28T09:00:00'))).toBe(true); // Saturday morning
    expect(isOpen(schedule, vn('2026-09-02T09:00:00'))).toBe(false); // the holiday
  });

  it('names every problem by its path, with what to write instead', () => {
    const parsed = parseSettings(
      config({ timeZone: 'Hanoi', weekly: { mon: ['7:00-25:00'] }, holidays: ['2026-02-30'] }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      expect.stringMatching(/^schedule\.timeZone: "Hanoi" is not a known IANA time zone/),
      expect.stringMatching(/^schedule\.weekly\.mon\[0\]: "7:00-25:00" ends at a time/),
      'schedule.holidays[0]: "2026-02-30" is not a date "YYYY-MM-DD"',
    ]);
  });

  it('adds nothing when the field is absent, and one error per problem otherwise', () => {
    const problems: ScheduleProblem[] = [];
    const report = (problem: ScheduleProblem) => problems.push(problem);
    expect(parseScheduleField(undefined, report)).toBeUndefined();
    expect(parseScheduleField('9 to 5', report)).toBeUndefined();
    expect(problems).toEqual([{ path: 'schedule', message: 'must be an object' }]);
  });
});
