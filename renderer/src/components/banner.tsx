// One calm line at the top of the screen counting the centres that are down; the tiles say
// which. Absent while all is fine; small while a tile is maximised, but still counting.
import { DEFAULT_LOCALE } from '../contract';
import { translate } from '../i18n/translate';
import { useApp } from '../store/app-store';
import { selectSitesDown } from '../store/selectors';

export function Banner({ compact = false }: { compact?: boolean }) {
  const count = useApp(selectSitesDown);
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const notice = useApp((s) => s.notice);
  if (count === 0 && notice === null) return null;
  return (
    <div
      className={`banner${compact ? ' banner--compact' : ''}`}
      role="status"
      data-testid="banner"
    >
      {count > 0 && (
        <span className="banner__down">
          <span className="banner__dot" aria-hidden="true" />
          {compact
            ? translate(locale, 'banner.compact', { count })
            : count === 1
              ? translate(locale, 'banner.oneSiteDown')
              : translate(locale, 'banner.sitesDown', { count })}
        </span>
      )}
      {notice !== null && <span className="banner__notice">{notice}</span>}
    </div>
  );
}
