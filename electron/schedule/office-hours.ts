// Questions about a schedule at given instants: is the centre open, when does that next change,
// and which instants in a range are open. Everything is derived from one function, the open
// intervals of a local date, so the three answers can never disagree.
import { WEEKDAYS, type DailyInterval, type OfficeSchedule } from './schedule-model';
import {
  MS_PER_MINUTE,
  formatLocalDate,
  instantOf,
  localParts,
  startOfDay,
  weekdayOf,
  type DayNumber,
} from './zoned-time';

/** Epoch ms [start, end). */
export type Span = readonly [start: number, end: number];

export type ScheduleChange = { at: number; opens: boolean };

/** The hours that apply on a local date: holidays close, extra working days open. */
export function hoursOn(schedule: OfficeSchedule, day: DayNumber): readonly DailyInterval[] {
  const date = formatLocalDate(day);
  if (schedule.holidays.includes(date)) return [];
  if (schedule.extraWorkingDays.includes(date)) return schedule.extraWorkingDayHours;
  return schedule.weekly[WEEKDAYS[weekdayOf(day)]!];
}

/**
 * The open instants of one local date. A start in the repeated hour of a fall-back day takes its
 * first occurrence and an end its second, so the office stays open through the whole repeat; a
 * boundary in the skipped hour of a spring-forward day is the jump itself.
 */
export function openSpansOnDay(schedule: OfficeSchedule, day: DayNumber): Span[] {
  const spans: Span[] = [];
  for (const { start, end } of hoursOn(schedule, day)) {
    const from = instantOf(day, start * MS_PER_MINUTE, schedule.timeZone, 'earlier');
    const to = instantOf(day, end * MS_PER_MINUTE, schedule.timeZone, 'later');
    if (to > from) spans.push([from, to]);
  }
  return spans;
}

/** Open spans of the local dates first…last, merged where one day's 24:00 meets the next 00:00. */
function mergedSpans(schedule: OfficeSchedule, first: DayNumber, last: DayNumber): Span[] {
  const merged: [number, number][] = [];
  for (let day = first; day <= last; day++) {
    for (const [start, end] of openSpansOnDay(schedule, day)) {
      const previous = merged[merged.length - 1];
      if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
      else merged.push([start, end]);
    }
  }
  return merged;
}

/** The open spans intersecting [from, to), clipped to it, sorted and disjoint. */
export function openSpans(schedule: OfficeSchedule, from: number, to: number): Span[] {
  if (!(to > from)) return [];
  // One day either side: a local date's hours can reach outside its UTC-ish neighbourhood.
  const first = localParts(from, schedule.timeZone).day - 1;
  const last = localParts(to, schedule.timeZone).day + 1;
  const result: Span[] = [];
  for (const [start, end] of mergedSpans(schedule, first, last)) {
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end, to);
    if (clippedEnd > clippedStart) result.push([clippedStart, clippedEnd]);
  }
  return result;
}

export function isOpen(schedule: OfficeSchedule, epochMs: number): boolean {
  return openSpans(schedule, epochMs, epochMs + 1).length > 0;
}

/** Total open time in [from, to), in ms. */
export function openDuration(schedule: OfficeSchedule, from: number, to: number): number {
  return openSpans(schedule, from, to).reduce((sum, [start, end]) => sum + end - start, 0);
}

const SEARCH_CHUNK_DAYS = 14;

/**
 * The first instant after `epochMs` at which the centre opens or closes, or null when nothing
 * changes within `horizonDays` (a schedule with no hours at all never changes).
 */
export function nextChange(
  schedule: OfficeSchedule,
  epochMs: number,
  horizonDays = 800,
): ScheduleChange | null {
  const today = localParts(epochMs, schedule.timeZone).day;
  // Boundaries at or before `checked` have been examined; a chunk's first span may be cut short
  // at the chunk's first day, so its start is only trusted past what earlier chunks settled.
  let checked = epochMs;
  for (let offset = 0; offset <= horizonDays; offset += SEARCH_CHUNK_DAYS) {
    const first = today + offset - 1;
    const last = today + offset + SEARCH_CHUNK_DAYS;
    // Boundaries up to the start of `last` are final: every day that could merge with them has
    // been read. Later ones are found again by the next chunk.
    const settled = startOfDay(last, schedule.timeZone);
    for (const [start, end] of mergedSpans(schedule, first, last)) {
      if (start > checked && start <= settled) return { at: start, opens: true };
      if (end > checked && end <= settled) return { at: end, opens: false };
    }
    checked = Math.max(checked, settled);
  }
  return null;
}
