// Times and durations in words, the one place the wall says them (tiles, banner, retry lines):
// 24-hour HH:mm, the date added when it is not today ("từ 14:02 ngày 28/11"), durations in
// whole minutes from 60 s on ("3 phút", "2 giờ 5 phút"), "vừa xong" / "just now" below that,
// and English plurals ("1 hour", "2 hours"; "min" is an abbreviation and stays as it is).
// Pure: the clock is always passed in, so midnight and day changes are unit-tested.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** A wait at least this long is said in minutes ("in 5 min"); a shorter one is "reconnecting". */
export const LONG_WAIT_MS = 2 * MINUTE_MS;

const pad2 = (value: number): string => String(value).padStart(2, '0');

function counted(locale: Locale, one: MessageKey, many: MessageKey, count: number): string {
  return translate(locale, count === 1 ? one : many, { count });
}

/**
 * How long, in words: "vừa xong" under a minute, then whole minutes (rounded down, so a tile
 * never claims a minute that has not passed), hours and minutes, days and hours. Never
 * negative: a clock that steps back reads as "just now".
 */
export function formatDuration(elapsedMs: number, locale: Locale): string {
  const minutes = Math.floor(Math.max(0, elapsedMs) / MINUTE_MS);
  if (minutes < 1) return translate(locale, 'time.justNow');
  const parts: string[] = [];
  const minutesPart = () => translate(locale, 'time.minutes', { count: minutes % HOUR_MINUTES });
  const hours = Math.floor(minutes / HOUR_MINUTES);
  if (minutes >= DAY_MINUTES) {
    const days = Math.floor(minutes / DAY_MINUTES);
    parts.push(counted(locale, 'time.day', 'time.days', days));
    if (hours % 24 > 0) parts.push(counted(locale, 'time.hour', 'time.hours', hours % 24));
  } else if (hours > 0) {
    parts.push(counted(locale, 'time.hour', 'time.hours', hours));
    if (minutes % HOUR_MINUTES > 0) parts.push(minutesPart());
  } else {
    parts.push(minutesPart());
  }
  return parts.join(' ');
}

/** Local wall-clock time, 24-hour HH:mm. */
export function formatTimeOfDay(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** dd/MM, with the year only when it is not this year's. */
function formatDate(date: Date, now: Date): string {
  const dayMonth = `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}`;
  return date.getFullYear() === now.getFullYear() ? dayMonth : `${dayMonth}/${date.getFullYear()}`;
}

/**
 * Since when, and how long: "từ 09:14 (23 phút)", and before today (local calendar day)
 * "từ 14:02 ngày 28/11 (1 ngày 2 giờ)". A moment after now (a clock stepped back) is said as
 * today's, "just now".
 */
export function formatSince(sinceMs: number, nowMs: number, locale: Locale): string {
  const since = new Date(sinceMs);
  const now = new Date(nowMs);
  const time = formatTimeOfDay(sinceMs);
  const duration = formatDuration(nowMs - sinceMs, locale);
  if (sinceMs > nowMs || sameLocalDay(since, now)) {
    return translate(locale, 'since.today', { time, duration });
  }
  return translate(locale, 'since.otherDay', { time, date: formatDate(since, now), duration });
}

/**
 * A countdown: whole seconds, rounded up, under a minute ("30 giây"); from 60 s on whole
 * minutes, rounded up so it never promises too early ("5 phút", "1 giờ 5 phút").
 */
export function formatCountdown(waitMs: number, locale: Locale): string {
  const seconds = Math.max(0, Math.ceil(waitMs / 1000));
  if (seconds < 60) return translate(locale, 'time.seconds', { count: seconds });
  return formatDuration(Math.ceil(waitMs / MINUTE_MS) * MINUTE_MS, locale);
}

/**
 * The retry line: a long wait (a camera's login lock-out) in whole minutes, rounded up so it
 * never promises too early; anything shorter simply says the wall is reconnecting by itself.
 */
export function formatRetryWait(retryAt: number | null, nowMs: number, locale: Locale): string {
  const waitMs = retryAt === null ? 0 : retryAt - nowMs;
  if (waitMs < LONG_WAIT_MS) return translate(locale, 'retry.now');
  return translate(locale, 'retry.later', { duration: formatCountdown(waitMs, locale) });
}
