// Seven small bars, oldest first: each day's share of office hours with a picture. A day with no
// office hours (a weekend) is an empty outline, not a zero.
import type { DayBar, Locale } from '../../contract';
import { translate } from '../../i18n/translate';
import { formatShare } from '../../health/health-words';

function toneOf(value: number | null): string {
  if (value === null) return 'none';
  if (value >= 0.95) return 'ok';
  if (value >= 0.8) return 'warn';
  return 'alarm';
}

export function DayBars({ days, locale }: { days: readonly DayBar[]; locale: Locale }) {
  return (
    <div className="day-bars" data-testid="day-bars">
      {days.map((day) => {
        const label = translate(locale, 'health.dayBar', {
          date: `${day.date.slice(8, 10)}/${day.date.slice(5, 7)}`,
          value: formatShare(day.availability, locale),
        });
        return (
          <span key={day.date} className="day-bars__day" title={label} aria-label={label}>
            <span
              className={`day-bars__fill day-bars__fill--${toneOf(day.availability)}`}
              style={{ height: `${Math.round((day.availability ?? 0) * 100)}%` }}
            />
          </span>
        );
      })}
    </div>
  );
}
