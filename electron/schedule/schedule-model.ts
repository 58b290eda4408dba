// The office-hours model: when a one-stop service centre is open, so that a camera being down at
// 03:00 or on a public holiday is not counted against it. All times are local wall-clock times in
// the schedule's own zone, because that is how the centre states its hours.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Index = Date#getDay (0 = Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One opening on one local date, in minutes since local midnight, [start, end).
 * 0 ≤ start < end ≤ 1440: an opening never spans midnight (split it into two days instead),
 * so each date's hours can be read without looking at the day before.
 */
export interface DailyInterval {
  start: number;
  end: number;
}

export interface OfficeSchedule {
  /** IANA zone name, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  /** Opening intervals per weekday, sorted and not overlapping. */
  weekly: Record<Weekday, readonly DailyInterval[]>;
  /** Local dates 'YYYY-MM-DD' that are closed all day whatever the weekday. */
  holidays: readonly string[];
  /**
   * Local dates 'YYYY-MM-DD' that are working days although their weekday is not (Vietnam moves
   * a working day to a Saturday around long holidays). They open for `extraWorkingDayHours`.
   */
  extraWorkingDays: readonly string[];
  extraWorkingDayHours: readonly DailyInterval[];
}

const hm = (h: number, m: number) => h * 60 + m;

/** Monday–Friday hours of a district one-stop centre: morning and afternoon with a lunch break. */
export const DEFAULT_WORKDAY_HOURS: readonly DailyInterval[] = [
  { start: hm(7, 0), end: hm(11, 30) },
  { start: hm(13, 30), end: hm(17, 0) },
];

/** Saturday morning, for centres that open then (off unless asked for). */
export const SATURDAY_MORNING_HOURS: readonly DailyInterval[] = [
  { start: hm(7, 0), end: hm(11, 30) },
];

export const REFERENCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The default schedule in a zone. The zone is a parameter (normally the PC's) because reading it
 * here would make the module depend on the machine it runs on.
 */
export function defaultSchedule(
  timeZone: string,
  options: { saturdayMorning?: boolean } = {},
): OfficeSchedule {
  return {
    timeZone,
    weekly: {
      sun: [],
      mon: DEFAULT_WORKDAY_HOURS,
      tue: DEFAULT_WORKDAY_HOURS,
      wed: DEFAULT_WORKDAY_HOURS,
      thu: DEFAULT_WORKDAY_HOURS,
      fri: DEFAULT_WORKDAY_HOURS,
      sat: options.saturdayMorning ? SATURDAY_MORNING_HOURS : [],
    },
    holidays: [],
    extraWorkingDays: [],
    extraWorkingDayHours: DEFAULT_WORKDAY_HOURS,
  };
}

/** One whole local date, 00:00–24:00. */
export const WHOLE_DAY: readonly DailyInterval[] = [{ start: 0, end: 24 * 60 }];

/**
 * Open every minute of every day, holidays included: the configuration's `"always": true`, for
 * a wall that must never go dark (the demo, a room watched round the clock). Availability is
 * then counted round the clock too, since that is when the wall is meant to show the cameras.
 */
export function roundTheClockSchedule(timeZone: string): OfficeSchedule {
  return {
    timeZone,
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, WHOLE_DAY])) as Record<
      Weekday,
      readonly DailyInterval[]
    >,
    holidays: [],
    extraWorkingDays: [],
    extraWorkingDayHours: WHOLE_DAY,
  };
}

/** "07:00-11:30", the form the configuration file uses. */
export function formatDailyInterval(interval: DailyInterval): string {
  const f = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${f(interval.start)}-${f(interval.end)}`;
}
