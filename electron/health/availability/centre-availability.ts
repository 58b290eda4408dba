// A one-stop centre has several cameras; its figure is what a citizen-facing manager asks:
// how much of the time its counters could be seen, and is any of it visible now.
import type { Span } from '../../schedule/office-hours';
import type { CameraAvailabilityReport } from './camera-availability';

export interface CentreAvailability {
  /**
   * The cameras' availabilities weighted by their counted office-hours time, i.e. Σup ÷ Σcounted,
   * exact in whole ms. Counted rather than raw office time, so that a camera disabled most of
   * the week does not weigh like one in service all week. Null when nothing was counted.
   */
  availability: number | null;
  upMs: number;
  countedMs: number;
  /** Down now: every camera in service (not disabled, with a state) has an ongoing outage. */
  down: boolean;
  /** When `down`, since when all of them have been (the latest of their outage starts). */
  downSince: number | null;
  /** Office-hours time in the range when every camera was down at once. */
  allDownMs: number;
}

function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** The reports must cover the same range and `now`. */
export function centreAvailability(
  cameras: readonly CameraAvailabilityReport[],
): CentreAvailability {
  const upMs = cameras.reduce((sum, c) => sum + c.figures.upMs, 0);
  const countedMs = cameras.reduce((sum, c) => sum + c.figures.countedMs, 0);
  const inService = cameras.filter((c) => c.currentState !== null && c.currentState !== 'disabled');
  const down = inService.length > 0 && inService.every((c) => c.currentOutage !== null);
  // A camera disabled at some moment is not down then, so it keeps the centre from being all
  // down for that moment: a deliberate choice to under- rather than over-report centre outages.
  const allDown =
    cameras.length === 0
      ? []
      : cameras
          .slice(1)
          .reduce<Span[]>((acc, c) => intersect(acc, c.downSpans), [...cameras[0]!.downSpans]);
  return {
    availability: countedMs > 0 ? upMs / countedMs : null,
    upMs,
    countedMs,
    down,
    downSince: down ? Math.max(...inService.map((c) => c.currentOutage!.start)) : null,
    allDownMs: allDown.reduce((sum, [s, e]) => sum + e - s, 0),
  };
}
