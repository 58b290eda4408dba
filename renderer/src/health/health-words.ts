// The status view's words: a camera's state from the health log in the tile's own wording, how
// long, since when and a share of office hours. Times are in the schedule's zone (the centre's),
// the same the CSV uses, whatever zone this PC is set to. Pure: unit-tested under Node.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';
import type { Tone } from '../status/status-words';

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

const MINUTE = 60_000;

/**
 * Whole minutes, "2 giờ 5 phút", "3 ngày 4 giờ"; under a minute "vừa xong" for an age, or the
 * seconds for an outage that ended (a short drop is still a drop).
 */
export function formatDuration(
  ms: number,
  locale: Locale,
  short: 'just-now' | 'seconds' = 'just-now',
): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1 && short === 'seconds') {
    return translate(locale, 'health.seconds', { seconds: Math.round(Math.max(0, ms) / 1000) });
  }
  if (minutes < 1) return translate(locale, 'health.justNow');
  if (minutes < 60) return translate(locale, 'health.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return translate(locale, 'health.hoursMinutes', { hours, minutes: minutes % 60 });
  return translate(locale, 'health.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
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
