// Reads an office schedule from JSON (unknown) and names every problem by its path, so whoever
// edits the file can fix all of them in one go. Missing fields take the defaults.
import {
  DEFAULT_WORKDAY_HOURS,
  WEEKDAYS,
  defaultSchedule,
  roundTheClockSchedule,
  type DailyInterval,
  type OfficeSchedule,
  type Weekday,
} from './schedule-model';
import { isKnownTimeZone, parseLocalDate } from './zoned-time';

/**
 * One problem at its path. `message` is English (the file's language, for IT and the log);
 * `code` and `vi` come with the problems the staff screens say in Vietnamese.
 */
export interface ScheduleProblem {
  path: string;
  message: string;
  local?: { code: string; vi: string };
}

export type ScheduleParse =
  | { ok: true; schedule: OfficeSchedule }
  | { ok: false; errors: string[]; problems: ScheduleProblem[] };

type Obj = Record<string, unknown>;
type Report = (path: string, message: string, local?: ScheduleProblem['local']) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELDS = [
  'always',
  'timeZone',
  'weekly',
  'saturdayMorning',
  'holidays',
  'extraWorkingDays',
  'extraWorkingDayHours',
];
const INTERVAL_RE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/**
 * @param defaultTimeZone used when the file names none: normally the PC's zone, passed in by the
 *   caller so that this stays a pure function.
 * @param path how problems name the schedule itself, e.g. 'schedule' or 'sites[0].schedule'.
 */
export function parseSchedule(
  input: unknown,
  defaultTimeZone: string,
  path = 'schedule',
): ScheduleParse {
  const problems: ScheduleProblem[] = [];
  const err: Report = (where, message, local) =>
    problems.push({ path: where, message, ...(local ? { local } : {}) });
  const refused = (): ScheduleParse => ({
    ok: false,
    errors: problems.map((p) => `${p.path}: ${p.message}`),
    problems,
  });
  if (input === undefined || input === null)
    return { ok: true, schedule: defaultSchedule(defaultTimeZone) };
  if (!isObj(input)) return (err(path, 'must be an object'), refused());

  for (const key of Object.keys(input)) {
    if (!FIELDS.includes(key))
      err(`${path}.${key}`, `is not a schedule field (known: ${FIELDS.join(', ')})`);
  }

  let timeZone = defaultTimeZone;
  if (input.timeZone !== undefined) {
    if (typeof input.timeZone !== 'string' || !isKnownTimeZone(input.timeZone)) {
      err(
        `${path}.timeZone`,
        `${JSON.stringify(input.timeZone)} is not a known IANA time zone (for example "Asia/Ho_Chi_Minh")`,
      );
    } else timeZone = input.timeZone;
  }

  const always = parseAlways(input, path, err);

  const saturdayMorning = input.saturdayMorning ?? false;
  if (typeof saturdayMorning !== 'boolean') err(`${path}.saturdayMorning`, 'must be true or false');
  const base = defaultSchedule(timeZone, { saturdayMorning: saturdayMorning === true });
  const weekly: Record<Weekday, readonly DailyInterval[]> = { ...base.weekly };

  if (input.weekly !== undefined) {
    if (!isObj(input.weekly)) err(`${path}.weekly`, 'must be an object keyed by "mon" … "sun"');
    else {
      for (const [key, value] of Object.entries(input.weekly)) {
        const where = `${path}.weekly.${key}`;
        if (!(WEEKDAYS as readonly string[]).includes(key)) {
          err(where, `is not a weekday (use ${WEEKDAYS.join(', ')})`);
          continue;
        }
        if (key === 'sat' && saturdayMorning === true) {
          err(where, 'conflicts with saturdayMorning: give one or the other');
        }
        const hours = parseHours(value, where, err);
        if (hours) weekly[key as Weekday] = hours;
      }
    }
  }

  const holidays = parseDates(input.holidays, `${path}.holidays`, err);
  const extraWorkingDays = parseDates(input.extraWorkingDays, `${path}.extraWorkingDays`, err);
  extraWorkingDays.forEach((date) => {
    if (holidays.includes(date)) {
      err(`${path}.extraWorkingDays`, `"${date}" is also listed as a holiday`);
    }
  });
  const extraWorkingDayHours =
    input.extraWorkingDayHours === undefined
      ? DEFAULT_WORKDAY_HOURS
      : parseHours(input.extraWorkingDayHours, `${path}.extraWorkingDayHours`, err);

  if (problems.length > 0 || !extraWorkingDayHours) return refused();
  if (always) return { ok: true, schedule: roundTheClockSchedule(timeZone) };
  return {
    ok: true,
    schedule: { timeZone, weekly, holidays, extraWorkingDays, extraWorkingDayHours },
  };
}

/**
 * `"always": true` opens the wall round the clock; it says everything about the hours, so any
 * other hours field beside it (only the time zone may stay) is a contradiction to resolve.
 */
function parseAlways(input: Obj, path: string, err: Report): boolean {
  const always = input.always ?? false;
  if (typeof always !== 'boolean') {
    err(`${path}.always`, 'must be true or false', {
      code: 'not-a-flag',
      vi: 'Phải là true hoặc false.',
    });
    return false;
  }
  if (!always) return false;
  for (const key of Object.keys(input)) {
    if (key === 'always' || key === 'timeZone' || !FIELDS.includes(key)) continue;
    err(
      `${path}.${key}`,
      'cannot be combined with "always": true (the wall is on round the clock); remove one of the two',
      {
        code: 'conflicts-with-always',
        vi: `Không dùng cùng "always": true (màn hình luôn bật cả ngày đêm); hãy bỏ một trong hai.`,
      },
    );
  }
  return true;
}

/** A day's hours: a list of "HH:MM-HH:MM", sorted on the way in, never overlapping. */
function parseHours(value: unknown, where: string, err: Report): DailyInterval[] | null {
  if (!Array.isArray(value)) {
    err(where, 'must be a list such as ["07:00-11:30", "13:30-17:00"] ([] for closed)');
    return null;
  }
  const parsed: { interval: DailyInterval; text: string }[] = [];
  let ok = true;
  value.forEach((raw, i) => {
    const interval = parseInterval(raw, `${where}[${i}]`, err);
    if (interval) parsed.push({ interval, text: String(raw) });
    else ok = false;
  });
  parsed.sort((a, b) => a.interval.start - b.interval.start);
  for (let i = 1; i < parsed.length; i++) {
    const [prev, next] = [parsed[i - 1]!, parsed[i]!];
    if (next.interval.start < prev.interval.end) {
      err(where, `"${prev.text}" and "${next.text}" overlap`);
      ok = false;
    }
  }
  return ok ? parsed.map((p) => p.interval) : null;
}

function parseInterval(raw: unknown, where: string, err: Report): DailyInterval | null {
  const match = typeof raw === 'string' ? INTERVAL_RE.exec(raw.trim()) : null;
  if (!match) {
    err(where, `${JSON.stringify(raw)} must look like "07:00-11:30"`);
    return null;
  }
  const [sh, sm, eh, em] = match.slice(1).map(Number) as [number, number, number, number];
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  const text = JSON.stringify(raw);
  if (sh > 23 || sm > 59) return (err(where, `${text} starts at a time that does not exist`), null);
  if (eh > 24 || em > 59 || end > 24 * 60) {
    return (
      err(where, `${text} ends at a time that does not exist (the latest end is 24:00)`),
      null
    );
  }
  if (end < start) {
    err(
      where,
      `${text} ends before it starts; an interval may not span midnight, so split it into one ending at 24:00 and one on the next day starting at 00:00`,
    );
    return null;
  }
  if (end === start) return (err(where, `${text} is empty`), null);
  return { start, end };
}

function parseDates(value: unknown, where: string, err: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    err(where, 'must be a list of dates such as ["2025-09-02"]');
    return [];
  }
  const dates: string[] = [];
  value.forEach((raw, i) => {
    if (typeof raw !== 'string' || parseLocalDate(raw) === null) {
      err(`${where}[${i}]`, `${JSON.stringify(raw)} is not a date "YYYY-MM-DD"`);
    } else if (dates.includes(raw)) {
      err(`${where}[${i}]`, `"${raw}" is listed twice`);
    } else dates.push(raw);
  });
  return dates;
}
