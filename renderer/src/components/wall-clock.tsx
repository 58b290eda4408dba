// The wall's own clock and date, so a frozen app never passes for a live wall: in the strip
// under the grid, and larger on the out-of-hours screen (the same component). It shows the
// office schedule's time zone, the one the hours are kept in.
import { DEFAULT_LOCALE } from '../contract';
import { clockText, dayText, timeText } from '../clock/clock-words';
import { translate } from '../i18n/translate';
import { useNow } from '../hooks/use-now';
import { useWhenIdle } from '../hooks/use-when-idle';
import { useApp } from '../store/app-store';

export function WallClock({ large = false }: { large?: boolean }) {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const timeZone = useApp((s) => s.officeHours?.timeZone);
  const now = useNow(true);
  // The first time formatter for a zone loads its time-zone data: 15–40 ms of the page's
  // thread, measured inside the boot, where the first frames of every tile wait behind it. The
  // clock shows its words once the boot is over and the page idle (2.5 s at most) instead.
  const ready = useWhenIdle();
  return (
    <div
      className={large ? 'wall-clock wall-clock--large' : 'wall-clock'}
      data-testid="wall-clock"
      aria-label={ready ? clockText(locale, now, timeZone) : undefined}
    >
      {ready && (
        <>
          <span className="wall-clock__time">{timeText(now, timeZone)}</span>
          <span className="wall-clock__sep"> · </span>
          <span className="wall-clock__date">{dayText(locale, now, timeZone)}</span>
        </>
      )}
    </div>
  );
}

/**
 * The strip reserved under the grid: no tile is ever covered by the clock. While staff look at
 * the wall outside hours it also says until when, so nobody takes it for working hours.
 */
export function ClockStrip() {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const hours = useApp((s) => s.officeHours);
  const lookUntil = hours && !hours.inHours ? hours.overrideUntil : null;
  return (
    <div className="clock-strip" data-testid="clock-strip">
      {lookUntil !== null && (
        <span className="clock-strip__look" data-testid="outside-hours-look">
          {translate(locale, 'hours.look', { time: timeText(lookUntil, hours?.timeZone) })}
        </span>
      )}
      <WallClock />
    </div>
  );
}
