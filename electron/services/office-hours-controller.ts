// Decides, from the schedule and the clock, whether the wall shows its cameras: in office hours,
// or outside them for 30 minutes after staff ask. It never trusts one long timer: a PC that
// sleeps or whose clock is set (by hand, by NTP, at a DST change) would wake it late or never.
// Instead it re-reads the clock at least every CHECK_EVERY_MS and at each expected boundary,
// and only reports a change of what it decided.
import { OUTSIDE_HOURS_LOOK_MS, type OfficeHoursStatus } from '../contract/office-hours';
import { isOpen, nextChange } from '../schedule/office-hours';
import type { OfficeSchedule } from '../schedule/schedule-model';

/** The longest the controller goes without reading the clock. */
export const CHECK_EVERY_MS = 15_000;

export interface ControllerTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const NODE_TIMERS: ControllerTimers = {
  set: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface OfficeHoursOptions {
  schedule: OfficeSchedule;
  /** Called on every change of the decision (not on every check). */
  onChange: (status: OfficeHoursStatus) => void;
  log: (line: string) => void;
  now?: () => number;
  timers?: ControllerTimers;
}

export class OfficeHoursController {
  private overrideUntil: number | null = null;
  private status: OfficeHoursStatus;
  private timer: unknown = null;
  private closed = false;
  /** The schedule's answer for [from, until): open or not, unchanged until `until`. */
  private span: { from: number; until: number; inHours: boolean } | null = null;
  private readonly now: () => number;
  private readonly timers: ControllerTimers;

  constructor(private readonly options: OfficeHoursOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? NODE_TIMERS;
    this.status = this.decide(this.now());
    this.arm();
  }

  current(): OfficeHoursStatus {
    return this.status;
  }

  /** Staff: show the wall outside hours for OUTSIDE_HOURS_LOOK_MS, or (false) end that early. */
  showOutsideHours(show: boolean): OfficeHoursStatus {
    const now = this.now();
    if (show && !this.scheduleAt(now).inHours) {
      this.overrideUntil = now + OUTSIDE_HOURS_LOOK_MS;
      this.options.log('office hours: staff show the wall outside working hours for 30 minutes');
    } else if (!show && this.overrideUntil !== null) {
      this.overrideUntil = null;
      this.options.log('office hours: staff ended the look outside working hours');
    }
    this.check();
    return this.status;
  }

  /** The office hours in force: also what availability is counted against (WallHealth). */
  get schedule(): OfficeSchedule {
    return this.options.schedule;
  }

  /** New office hours on the running wall (a signed bundle from IT): decided again at once. */
  setSchedule(schedule: OfficeSchedule): void {
    this.options.schedule = schedule;
    this.span = null;
    this.check();
  }

  /** Reads the clock now and reports a changed decision (also called by the timer). */
  check(): void {
    if (this.closed) return;
    const next = this.decide(this.now());
    const changed = !sameStatus(next, this.status);
    this.status = next;
    this.arm();
    if (changed) this.options.onChange(next);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  /**
   * Whether the schedule is open at `now`, and until when that holds. Asked of the schedule only
   * when `now` leaves the span last answered (a boundary passed, or the clock was set), since
   * the time-zone arithmetic is the costly part of a check.
   */
  private scheduleAt(now: number): { inHours: boolean; until: number } {
    const span = this.span;
    if (span && now >= span.from && now < span.until) return span;
    const { schedule } = this.options;
    const fresh = {
      from: now,
      until: nextChange(schedule, now)?.at ?? Number.POSITIVE_INFINITY,
      inHours: isOpen(schedule, now),
    };
    this.span = fresh;
    return fresh;
  }

  private decide(now: number): OfficeHoursStatus {
    const { inHours, until } = this.scheduleAt(now);
    if (this.overrideUntil !== null) {
      if (inHours || now >= this.overrideUntil) {
        this.overrideUntil = null;
        if (!inHours) this.options.log('office hours: the 30 minutes are over; the wall goes dark');
      } else if (this.overrideUntil - now > OUTSIDE_HOURS_LOOK_MS) {
        // The clock was set back: the look still ends 30 minutes from now at the latest.
        this.overrideUntil = now + OUTSIDE_HOURS_LOOK_MS;
      }
    }
    return {
      inHours,
      showing: inHours || this.overrideUntil !== null,
      overrideUntil: this.overrideUntil,
      nextChange: Number.isFinite(until) ? until : null,
      timeZone: this.options.schedule.timeZone,
    };
  }

  /** The next check: at the next boundary or the look's end if sooner than CHECK_EVERY_MS. */
  private arm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    if (this.closed) return;
    const now = this.now();
    const due = [this.status.nextChange, this.status.overrideUntil]
      .filter((at): at is number => at !== null)
      .map((at) => at - now);
    const wait = Math.max(0, Math.min(CHECK_EVERY_MS, ...due));
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.check();
    }, wait);
  }
}

function sameStatus(a: OfficeHoursStatus, b: OfficeHoursStatus): boolean {
  return (
    a.inHours === b.inHours &&
    a.showing === b.showing &&
    a.overrideUntil === b.overrideUntil &&
    a.nextChange === b.nextChange &&
    a.timeZone === b.timeZone
  );
}
