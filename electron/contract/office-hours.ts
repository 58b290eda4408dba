// Office hours as every side sees them. Main reads the schedule, watches the clock and decides;
// the renderer shows the wall or the dark out-of-hours screen accordingly and never decides.

export interface OfficeHoursStatus {
  /** The schedule says the centres are open now. */
  inHours: boolean;
  /** The wall shows the cameras: in hours, or outside them while staff asked to see it. */
  showing: boolean;
  /** Epoch ms at which staff's look outside hours ends, or null when there is none. */
  overrideUntil: number | null;
  /** Epoch ms of the schedule's next opening or closing, or null when it never changes. */
  nextChange: number | null;
  /** The schedule's IANA time zone: the wall's clock shows this zone's time. */
  timeZone: string;
}

/** How long staff see the wall outside hours before it goes dark again. */
export const OUTSIDE_HOURS_LOOK_MS = 30 * 60_000;
