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
    if (show && !isOpen(this.options.schedule, now)) {
      this.overrideUntil = now + OUTSIDE_HOURS_LOOK_MS;
      this.options.log('office hours: staff show the wall outside working hours for 30 minutes');
    } else if (!show && this.overrideUntil !== null) {
      this.overrideUntil = null;
      this.options.log('office hours: staff ended the look outside working hours');
    }
    this.check();
    return this.status;
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

  private decide(now: number): OfficeHoursStatus {
    const { schedule } = this.options;
    const inHours = isOpen(schedule, now);
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
      nextChange: nextChange(schedule, now)?.at ?? null,
      timeZone: schedule.timeZone,
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
