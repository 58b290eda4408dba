// Outside office hours: a dark, calm screen with a large clock, "Ngoài giờ làm việc", when work
// resumes, and a dim line telling staff how to look at the cameras anyway. No tile is mounted,
// so no player exists and main has closed every stream.
import { DEFAULT_LOCALE } from '../contract';
import { dayText, timeText } from '../clock/clock-words';
import { translate } from '../i18n/translate';
import { useApp } from '../store/app-store';
import { WallClock } from './wall-clock';

export function OutsideHoursScreen() {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const hours = useApp((s) => s.officeHours);
  const reopens = hours?.nextChange ?? null;
  return (
    <div className="outside-hours" role="status">
      <WallClock large />
      <div className="outside-hours__words">{translate(locale, 'hours.outside')}</div>
      {reopens !== null && (
        <div className="outside-hours__next">
          {translate(locale, 'hours.reopens', {
            time: timeText(reopens, hours?.timeZone),
            day: dayText(locale, reopens, hours?.timeZone, false),
          })}
        </div>
      )}
      <div className="outside-hours__hint">{translate(locale, 'hours.staffHint')}</div>
    </div>
  );
}
