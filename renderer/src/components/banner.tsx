// One calm line at the top of the screen counting and naming the centres without picture,
// every configured one, on this page or not; the tiles say what is wrong. Absent while all is
// fine; small while a tile is maximised, but still there.
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_LOCALE } from '../contract';
import { BANNER_NAMES, COMPACT_BANNER_NAMES, bannerWords } from '../status/banner-words';
import { useApp } from '../store/app-store';
import { selectSitesWithoutPicture } from '../store/selectors';

export function Banner({ compact = false }: { compact?: boolean }) {
  const names = useApp(useShallow(selectSitesWithoutPicture));
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const notice = useApp((s) => s.notice);
  const down = bannerWords(names, locale, compact ? COMPACT_BANNER_NAMES : BANNER_NAMES);
  if (down === null && notice === null) return null;
  return (
    <div
      className={`banner${compact ? ' banner--compact' : ''}`}
      role="status"
      data-testid="banner"
      data-sites-down={names.length}
    >
      {down !== null && (
        <span className="banner__down">
          <span className="banner__dot" aria-hidden="true" />
          {down}
        </span>
      )}
      {notice !== null && <span className="banner__notice">{notice}</span>}
    </div>
  );
}
