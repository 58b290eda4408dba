// The wall's clock in words: "14:05 · Thứ Sáu, 27/11/2026" (24-hour, day/month/year, the
// weekday spelled out), in the office schedule's time zone so the clock and the hours agree.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';

const WEEKDAY_KEYS: readonly MessageKey[] = [
  'weekday.sun',
  'weekday.mon',
  'weekday.tue',
  'weekday.wed',
  'weekday.thu',
  'weekday.fri',
  'weekday.sat',
];

export interface ClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    };
    try {
      found = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone this browser does not know: the PC's own time rather than no clock.
      found = new Intl.DateTimeFormat('en-US', options);
    }
    formatters.set(key, found);
  }
  return found;
}

export function clockParts(epochMs: number, timeZone?: string): ClockParts {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = fields;
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:05". */
export function timeText(epochMs: number, timeZone?: string): string {
  const { hour, minute } = clockParts(epochMs, timeZone);
  return `${two(hour)}:${two(minute)}`;
}

/** "Thứ Sáu, 27/11/2026" without the time; `withYear: false` gives "Thứ Hai 30/11". */
export function dayText(
  locale: Locale,
  epochMs: number,
  timeZone?: string,
  withYear = true,
): string {
  const parts = clockParts(epochMs, timeZone);
  const date = `${two(parts.day)}/${two(parts.month)}${withYear ? `/${parts.year}` : ''}`;
  const weekday = translate(locale, WEEKDAY_KEYS[parts.weekday]!);
  return withYear ? `${weekday}, ${date}` : `${weekday} ${date}`;
}

/** "14:05 · Thứ Sáu, 27/11/2026". */
export function clockText(locale: Locale, epochMs: number, timeZone?: string): string {
  const parts = clockParts(epochMs, timeZone);
  return translate(locale, 'clock.text', {
    time: `${two(parts.hour)}:${two(parts.minute)}`,
    weekday: translate(locale, WEEKDAY_KEYS[parts.weekday]!),
    date: `${two(parts.day)}/${two(parts.month)}/${parts.year}`,
  });
}
