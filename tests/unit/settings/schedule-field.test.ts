// The configuration's "schedule" field: checked with every problem named, kept as IT wrote it
// (so --protect-config writes it back unchanged), and the default hours when absent.
import { describe, expect, it } from 'vitest';
import { isOpen, nextChange } from '../../../electron/schedule/office-hours';
import {
  officeSchedule,
  parseScheduleField,
  pcTimeZone,
  showingSchedule,
} from '../../../electron/settings/schedule-field';
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

  it('goes dark only with a schedule in the file: without one the wall shows around the clock', () => {
    const always = showingSchedule(undefined, 'Asia/Ho_Chi_Minh');
    for (const at of ['2026-11-29T03:00:00', '2026-11-28T23:59:59', '2026-11-30T12:00:00']) {
      expect(isOpen(always, vn(at)), at).toBe(true);
    }
    expect(nextChange(always, vn('2026-11-30T12:00:00'))).toBeNull();
    // `"schedule": {}` is the default hours.
    const defaults = showingSchedule({}, 'Asia/Ho_Chi_Minh');
    expect(isOpen(defaults, vn('2026-11-30T12:00:00'))).toBe(false);
    expect(isOpen(defaults, vn('2026-11-30T14:00:00'))).toBe(true);
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
    const errors: string[] = [];
    expect(parseScheduleField(undefined, errors)).toBeUndefined();
    expect(parseScheduleField('9 to 5', errors)).toBeUndefined();
    expect(errors).toEqual(['schedule: must be an object']);
  });
});
