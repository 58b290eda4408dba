import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../electron/schedule/validate-schedule';
import { defaultSchedule, roundTheClockSchedule } from '../../../electron/schedule/schedule-model';

const errorsOf = (input: unknown) => {
  const result = parseSchedule(input, 'Asia/Ho_Chi_Minh');
  return result.ok ? [] : result.errors;
};

describe('parseSchedule', () => {
  it('gives the default schedule in the passed-in zone for nothing or an empty object', () => {
    expect(parseSchedule(undefined, 'Asia/Ho_Chi_Minh')).toEqual({
      ok: true,
      schedule: defaultSchedule('Asia/Ho_Chi_Minh'),
    });
    expect(parseSchedule({}, 'Europe/Berlin')).toEqual({
      ok: true,
      schedule: defaultSchedule('Europe/Berlin'),
    });
  });

  it('reads hours, holidays, extra working days and Saturday mornings', () => {
    const result = parseSchedule(
      {
        timeZone: 'Asia/Ho_Chi_Minh',
        saturdayMorning: true,
        weekly: { fri: ['13:30-16:00', '07:30-11:00'] },
        holidays: ['2025-09-02'],
        extraWorkingDays: ['2025-04-26'],
      },
      'UTC',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(result.schedule.weekly.fri).toEqual([
      { start: 450, end: 660 },
      { start: 810, end: 960 },
    ]);
    expect(result.schedule.weekly.sat).toEqual([{ start: 420, end: 690 }]);
    expect(result.schedule.holidays).toEqual(['2025-09-02']);
    expect(result.schedule.extraWorkingDays).toEqual(['2025-04-26']);
  });

  it('says an interval ends before it starts and may not span midnight', () => {
    expect(errorsOf({ weekly: { mon: ['07:00-11:30', '13:30-12:00'] } })).toEqual([
      'schedule.weekly.mon[1]: "13:30-12:00" ends before it starts; an interval may not span midnight, so split it into one ending at 24:00 and one on the next day starting at 00:00',
    ]);
  });

  it('names every problem by its path at once', () => {
    expect(
      errorsOf({
        timeZone: 'Asia/Saigonn',
        weekly: {
          mon: '07:00-11:30',
          tue: ['7:00-11:30', '11:00-12:00'],
          xyz: [],
          wed: ['25:00-26:00', '08:00-08:00', 'noon'],
        },
        holidays: ['2025-02-30', '2025-09-02', '2025-09-02'],
        extraWorkingDays: ['2025-09-02'],
        saturdayMorning: 'yes',
        holiday: [],
      }),
    ).toEqual([
      'schedule.holiday: is not a schedule field (known: always, timeZone, weekly, saturdayMorning, holidays, extraWorkingDays, extraWorkingDayHours)',
      'schedule.timeZone: "Asia/Saigonn" is not a known IANA time zone (for example "Asia/Ho_Chi_Minh")',
      'schedule.saturdayMorning: must be true or false',
      'schedule.weekly.mon: must be a list such as ["07:00-11:30", "13:30-17:00"] ([] for closed)',
      'schedule.weekly.tue: "7:00-11:30" and "11:00-12:00" overlap',
      'schedule.weekly.xyz: is not a weekday (use sun, mon, tue, wed, thu, fri, sat)',
      'schedule.weekly.wed[0]: "25:00-26:00" starts at a time that does not exist',
      'schedule.weekly.wed[1]: "08:00-08:00" is empty',
      'schedule.weekly.wed[2]: "noon" must look like "07:00-11:30"',
      'schedule.holidays[0]: "2025-02-30" is not a date "YYYY-MM-DD"',
      'schedule.holidays[2]: "2025-09-02" is listed twice',
      'schedule.extraWorkingDays: "2025-09-02" is also listed as a holiday',
    ]);
  });

  it('accepts 24:00 as an end, refuses later, and refuses sat with saturdayMorning', () => {
    expect(errorsOf({ weekly: { sun: ['22:00-24:00'] } })).toEqual([]);
    expect(errorsOf({ weekly: { sun: ['22:00-24:30'] } })).toEqual([
      'schedule.weekly.sun[0]: "22:00-24:30" ends at a time that does not exist (the latest end is 24:00)',
    ]);
    expect(errorsOf({ saturdayMorning: true, weekly: { sat: [] } })).toEqual([
      'schedule.weekly.sat: conflicts with saturdayMorning: give one or the other',
    ]);
  });

  it('uses the given path and refuses a non-object', () => {
    expect(parseSchedule([], 'UTC', 'sites[0].schedule')).toEqual({
      ok: false,
      errors: ['sites[0].schedule: must be an object'],
      problems: [{ path: 'sites[0].schedule', message: 'must be an object' }],
    });
  });

  it('reads "always": true as open every minute of every day, in the given zone', () => {
    expect(parseSchedule({ always: true }, 'Europe/Berlin')).toEqual({
      ok: true,
      schedule: roundTheClockSchedule('Europe/Berlin'),
    });
    const result = parseSchedule({ always: true, timeZone: 'Asia/Ho_Chi_Minh' }, 'UTC');
    expect(result.ok && result.schedule.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(result.ok && result.schedule.weekly.sun).toEqual([{ start: 0, end: 1440 }]);
    expect(parseSchedule({ always: false }, 'UTC')).toEqual(parseSchedule({}, 'UTC'));
  });

  it('refuses "always" beside other hours, and one that is not a flag', () => {
    const conflict =
      'cannot be combined with "always": true (the wall is on round the clock); remove one of the two';
    expect(
      errorsOf({ always: true, weekly: { mon: ['08:00-17:00'] }, extraWorkingDays: [] }),
    ).toEqual([`schedule.weekly: ${conflict}`, `schedule.extraWorkingDays: ${conflict}`]);
    expect(errorsOf({ always: 1 })).toEqual(['schedule.always: must be true or false']);
    // Every day "00:00-24:00" says the same thing at length, and is accepted too.
    const allDay = ['00:00-24:00'];
    const weekly = Object.fromEntries(
      ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, allDay]),
    );
    const spelled = parseSchedule({ weekly }, 'UTC');
    expect(spelled.ok && spelled.schedule.weekly).toEqual(roundTheClockSchedule('UTC').weekly);
  });
});
