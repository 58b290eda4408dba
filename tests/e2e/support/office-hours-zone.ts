// The wall counts outages only during office hours (Monday–Friday 07:00–11:30 and 13:30–17:00 in
// the PC's zone until the configuration says otherwise). A test that makes an outage happen now
// runs the wall in a fixed-offset zone where now is well inside those hours, and a test of the
// default hours one where now is outside them: the process's TZ, which Node reads again when it
// is set. Null when no zone on Earth is inside them (a weekend).
const PERIODS: [number, number][] = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

export function zoneInOfficeHours(
  now: number,
  marginMinutes = { before: 5, after: 15 },
): string | null {
  let best: { zone: string; margin: number } | null = null;
  for (let hours = -12; hours <= 14; hours++) {
    const local = new Date(now + hours * 3_600_000);
    const weekday = local.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    for (const [open, close] of PERIODS) {
      const margin = Math.min(
        minute - open - marginMinutes.before,
        close - minute - marginMinutes.after,
      );
      if (margin < 0 || (best && best.margin >= margin)) continue;
      // Etc/GMT zones are named with the sign reversed: Etc/GMT-7 is UTC+7.
      best = {
        zone: hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`,
        margin,
      };
    }
  }
  return best?.zone ?? null;
}

/**
 * A fixed-offset zone in which now is outside those hours with `marginMinutes` to spare on
 * either side (a night or a weekend somewhere): a wall left on the default hours is dark there.
 * One always exists, since the 27 offsets cover more than a day.
 */
export function zoneOutsideOfficeHours(now: number, marginMinutes = 30): string {
  for (let hours = -12; hours <= 14; hours++) {
    const local = new Date(now + hours * 3_600_000);
    const weekday = local.getUTCDay();
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const near = PERIODS.some(
      ([open, close]) => minute >= open - marginMinutes && minute < close + marginMinutes,
    );
    if (weekday !== 0 && weekday !== 6 && near) continue;
    return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  }
  throw new Error('every zone is in office hours now, which cannot be');
}
