// What main knows for the PC check: free disk where the health log is kept, and whether the
// clock is plausible. A wrong clock moves every outage in the record, and a full disk stops it.
import { statfsSync } from 'node:fs';
import type { ClockCheck, DiskCheck } from '../../contract/pc-check';

/**
 * No clock reading before this can be right: this version did not exist yet (the day the check
 * was written). A PC whose CMOS battery died typically boots into 2000 or its BIOS date.
 */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2026, 10, 30);
/** Slack for a clock stepped back by NTP or a time-zone change before it counts as behind. */
const BEHIND_SLACK_MS = 10 * 60_000;

export function clockCheck(now: number, lastLogEntry: number | null): ClockCheck {
  let problem: ClockCheck['problem'] = null;
  if (now < EARLIEST_PLAUSIBLE_MS) problem = 'before-release';
  else if (lastLogEntry !== null && now < lastLogEntry - BEHIND_SLACK_MS) problem = 'behind-log';
  return { now, lastLogEntry, problem };
}

export function diskCheck(dir: string | null): DiskCheck {
  if (dir === null) return { freeBytes: null, error: 'this PC keeps no health record' };
  try {
    const stats = statfsSync(dir);
    return { freeBytes: stats.bavail * stats.bsize, error: null };
  } catch (error) {
    return { freeBytes: null, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
