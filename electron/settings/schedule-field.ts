// The configuration's "schedule" field (office hours), in one place: its rules are those of
// schedule/validate-schedule.ts, its file form is kept as IT wrote it (so --protect-config writes
// it back unchanged, a missing time zone still meaning "this PC's"), and the schedule the wall
// runs on is derived from it where it is used. Absent, it means the default office hours: the
// wall goes dark outside them unless the file says `"always": true`.
import type { OfficeSchedule, Weekday } from '../schedule/schedule-model';
import { parseSchedule, type ScheduleProblem } from '../schedule/validate-schedule';

/** The field as the file holds it; every part optional (see docs and README "Office hours"). */
export interface ScheduleConfig {
  /** On round the clock, every day (only `timeZone` may go with it). */
  always?: boolean;
  /** IANA zone, e.g. "Asia/Ho_Chi_Minh"; absent: the PC's own zone. */
  timeZone?: string;
  /** Per weekday ("mon" … "sun"), a list of "HH:MM-HH:MM"; absent days keep the defaults. */
  weekly?: Partial<Record<Weekday, string[]>>;
  /** Adds Saturday 07:00–11:30. */
  saturdayMorning?: boolean;
  /** "YYYY-MM-DD" dates closed all day. */
  holidays?: string[];
  /** "YYYY-MM-DD" dates open although their weekday is not (a moved working day). */
  extraWorkingDays?: string[];
  extraWorkingDayHours?: string[];
}

/** The field that keeps a wall on round the clock (the demo's, and tests' that need pictures). */
export const ROUND_THE_CLOCK: Readonly<ScheduleConfig> = Object.freeze({ always: true });

/** The PC's own time zone, the schedule's default. */
export function pcTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Checks the field; each problem is reported at its path ("schedule.…"). Returns the field as
 * written when it is valid, undefined when it is absent or wrong.
 */
export function parseScheduleField(
  raw: unknown,
  report: (problem: ScheduleProblem) => void,
): ScheduleConfig | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseSchedule(raw, pcTimeZone(), 'schedule');
  if (!parsed.ok) {
    parsed.problems.forEach(report);
    return undefined;
  }
  // parseSchedule refused every unknown field and wrong type, so the object is this shape.
  return raw as ScheduleConfig;
}

/**
 * The hours the wall shows its cameras in, and the hours availability is counted against: the
 * file's, or without a field the default Monday–Friday hours in `timeZone`.
 */
export function officeSchedule(
  config: ScheduleConfig | undefined,
  timeZone: string = pcTimeZone(),
): OfficeSchedule {
  const parsed = parseSchedule(config ?? null, timeZone);
  if (parsed.ok) return parsed.schedule;
  // Only reachable with a config that skipped parseScheduleField.
  throw new Error(`invalid schedule: ${parsed.errors.join('; ')}`);
}
