// Availability per local date in the schedule's zone, for the daily table: a date is midnight
// to midnight there, so a DST day has 23 or 25 hours.
import { openSpans } from '../../schedule/office-hours';
import type { OfficeSchedule } from '../../schedule/schedule-model';
import { formatLocalDate, parseLocalDate, startOfDay } from '../../schedule/zoned-time';
import type { AvailabilityOptions, CameraStateRecord } from './availability-model';
import { prepare, tally, type AvailabilityFigures } from './availability-figures';

export interface DailyFigures extends AvailabilityFigures {
  /** Local date in the schedule's zone, 'YYYY-MM-DD'. */
  date: string;
}

/** Figures per local date, first…last inclusive; days after `now` have zero office time. */
export function dailyAvailability(
  records: readonly CameraStateRecord[],
  schedule: OfficeSchedule,
  dates: { first: string; last: string },
  now: number,
  options: AvailabilityOptions = {},
): DailyFigures[] {
  const first = parseLocalDate(dates.first);
  const last = parseLocalDate(dates.last);
  if (first === null || last === null) throw new RangeError('dates must be "YYYY-MM-DD"');
  const { segments } = prepare(records, now, options);
  const days: DailyFigures[] = [];
  for (let day = first; day <= last; day++) {
    const from = startOfDay(day, schedule.timeZone);
    const to = Math.max(from, Math.min(startOfDay(day + 1, schedule.timeZone), now));
    const figures = tally(segments, openSpans(schedule, from, to));
    days.push({ date: formatLocalDate(day), ...figures });
  }
  return days;
}
