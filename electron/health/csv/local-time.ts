// Dates and times in the centre's own IANA zone (the PC's zone may be wrong or UTC), in the
// forms the export promises: 'YYYY-MM-DD' and 'HH:mm' (24-hour). The zone arithmetic is the
// schedule's (schedule/zoned-time.ts), so an outage and the office hours agree on a day.
import { formatLocalDate, localParts } from '../../schedule/zoned-time';

const MS_PER_MINUTE = 60_000;
const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Throws RangeError for an unknown zone: better than silently using the PC's. */
export function localDate(at: number, timeZone: string): string {
  return formatLocalDate(localParts(at, timeZone).day);
}

export function localTime(at: number, timeZone: string): string {
  const minutes = Math.floor(localParts(at, timeZone).msOfDay / MS_PER_MINUTE);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

export function localDateTime(at: number, timeZone: string): string {
  return `${localDate(at, timeZone)} ${localTime(at, timeZone)}`;
}
