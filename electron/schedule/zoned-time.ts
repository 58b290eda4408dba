// Wall-clock arithmetic in an IANA time zone without a library: Intl.DateTimeFormat gives the
// local parts of an instant, and local → instant is solved against the offsets on either side,
// so the answer is exact across DST changes even though the PC's own zone may differ.

/** A local calendar date as a day number: days since 1970-01-01 (proleptic Gregorian). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface LocalParts {
  day: DayNumber;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

// One formatter per zone: constructing them is the expensive part of Intl.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (it throws a RangeError for an unknown name). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time of day of an instant in the zone. */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  // Years before 1 CE come as "BC" with a positive year; not worth more than a sign.
  const year =
    fields.era === 'BC' || fields.era === 'B' ? 1 - Number(fields.year) : Number(fields.year);
  const msInSecond = ((epochMs % 1000) + 1000) % 1000;
  const localAsUtc = Date.UTC(
    year,
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
    msInSecond,
  );
  const day = Math.floor(localAsUtc / MS_PER_DAY);
  return { day, msOfDay: localAsUtc - day * MS_PER_DAY };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const { day, msOfDay } = localParts(epochMs, timeZone);
  return day * MS_PER_DAY + msOfDay - epochMs;
}

/**
 * The instant a local wall-clock time names. A time that occurs twice (the repeated hour when
 * clocks go back) gives the earlier instant for 'earlier' and the later one for 'later'; a time
 * that never occurs (the skipped hour when clocks go forward) gives the instant the clocks
 * jumped, the first moment the wall clock read at or past it. Assumes at most one offset change
 * within a day on either side, which holds for every zone in practice.
 */
export function instantOf(
  day: DayNumber,
  msOfDay: number,
  timeZone: string,
  which: 'earlier' | 'later',
): number {
  const local = day * MS_PER_DAY + msOfDay;
  const before = offsetAt(local - MS_PER_DAY, timeZone);
  const after = offsetAt(local + MS_PER_DAY, timeZone);
  const candidates = [local - before, local - after]
    .filter((t) => offsetAt(t, timeZone) === local - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return which === 'earlier' ? candidates[0]! : candidates[candidates.length - 1]!;
  }
  // In a gap: the jump lies between the two readings; find it by bisection on whole ms.
  let lo = Math.min(local - before, local - after);
  let hi = Math.max(local - before, local - after);
  const offsetLo = offsetAt(lo, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The first instant of a local date (its midnight, or the jump if midnight was skipped). */
export function startOfDay(day: DayNumber, timeZone: string): number {
  return instantOf(day, 0, timeZone, 'earlier');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number, or null when it is not a real calendar date. */
export function parseLocalDate(text: string): DayNumber | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to March; a round trip catches that.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** Day number → 'YYYY-MM-DD'. */
export function formatLocalDate(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function weekdayOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export { MS_PER_DAY, MS_PER_MINUTE };
