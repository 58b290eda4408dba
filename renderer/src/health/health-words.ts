// The status view's words: a camera's state from the health log in the tile's own wording, how
// long, since when and a share of office hours. Times are in the schedule's zone (the centre's),
// the same the CSV uses, whatever zone this PC is set to. Pure: unit-tested under Node.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';
import type { Tone } from '../status/status-words';
import { formatDuration as tileDuration } from '../status/time-words';

/** The health log's state names → the words the tiles use (the few only the log has, its own). */
const WORDS: Record<string, [MessageKey, Tone]> = {
  live: ['state.live', 'ok'],
  connecting: ['state.connecting', 'warn'],
  unstable: ['state.unstable', 'warn'],
  stale: ['state.stalled', 'alarm'],
  'no-media': ['state.noMedia', 'alarm'],
  'auth-failed': ['state.authFailed', 'alarm'],
  unreachable: ['state.unreachable', 'alarm'],
  'not-found': ['state.notFound', 'alarm'],
  'unsupported-codec': ['state.unsupportedCodec', 'alarm'],
  damaged: ['state.damaged', 'alarm'],
  error: ['state.error', 'alarm'],
  disabled: ['state.disabled', 'calm'],
  'outside-hours': ['health.outsideHours', 'calm'],
  unwatched: ['health.unwatched', 'calm'],
  'app-stopped': ['health.appStopped', 'calm'],
};

export function healthStateWords(
  state: string | null,
  locale: Locale,
): { text: string; tone: Tone } {
  const entry = state === null ? undefined : WORDS[state];
  if (!entry) return { text: translate(locale, 'health.noRecord'), tone: 'calm' };
  return { text: translate(locale, entry[0]), tone: entry[1] };
}

/**
 * The tiles' own duration words (status/time-words.ts), so a duration reads the same on a tile
 * and in the status view; only an outage that ended under a minute says its seconds (a short
 * drop is still a drop), where an age would say "vừa xong".
 */
export function formatDuration(
  ms: number,
  locale: Locale,
  short: 'just-now' | 'seconds' = 'just-now',
): string {
  if (ms < 60_000 && short === 'seconds') {
    return translate(locale, 'time.seconds', { count: Math.round(Math.max(0, ms) / 1000) });
  }
  return tileDuration(ms, locale);
}

function parts(at: number, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

/** 'HH:mm', 24-hour, in the zone. */
export function clockTime(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** 'YYYY-MM-DD' in the zone (the date pickers' and the CSV's form). */
export function isoDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'dd/MM' in the zone. */
export function dayMonth(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.day}/${p.month}`;
}

/** A time today is its clock; an earlier one says its day ("14:02 ngày 28/11"). */
export function formatSince(at: number, now: number, timeZone: string, locale: Locale): string {
  const time = clockTime(at, timeZone);
  if (isoDate(at, timeZone) === isoDate(now, timeZone)) {
    return translate(locale, 'health.since', { time });
  }
  return translate(locale, 'health.sinceDay', { time, date: dayMonth(at, timeZone) });
}

/** A point in time for an outage's ends: its clock today, else with its day. */
export function formatInstant(at: number, now: number, timeZone: string): string {
  const time = clockTime(at, timeZone);
  return isoDate(at, timeZone) === isoDate(now, timeZone)
    ? time
    : `${time} ${dayMonth(at, timeZone)}`;
}

/** "97,5 %" in Vietnamese, "97.5%" in English; null (nothing counted yet) is a dash. */
export function formatShare(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Bytes in the unit IT reads ("12,3 GB"). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** 'HH:mm dd/MM/yyyy' in the zone: a clock reading IT compares with the real date. */
export function fullDateTime(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
