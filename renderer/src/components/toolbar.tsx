// The toolbar appears when the mouse moves and hides with the cursor after 3 s: layouts, the
// pages, the tour, the lock's state (colour and word), settings, help and quit. Glancing needs
// none of it.
import { DEFAULT_LOCALE, isUnlocked } from '../contract';
import { useWallApi } from '../api/api-context';
import { openStaffOverlay, quitWall, toggleTour, turnPage } from '../controls/staff-actions';
import { useNow } from '../hooks/use-now';
import { chosenTile, takeSnapshot } from '../look/look-actions';
import { translate } from '../i18n/translate';
import { layoutName } from '../layout/layout-name';
import { pagerText } from '../layout/paging';
import { appStore, useApp } from '../store/app-store';
import type { CurrentView } from '../store/current-view';

export function Toolbar({ view, visible }: { view: CurrentView; visible: boolean }) {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const staff = useApp((s) => s.staff);
  const clock = useApp((s) => s.tourClock);
  const now = useNow(visible);
  const unlocked = isUnlocked(staff, now);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <div
      className={`toolbar${visible ? '' : ' toolbar--hidden'}`}
      data-testid="toolbar"
      aria-hidden={!visible}
    >
      <button type="button" onClick={() => void openStaffOverlay(api, appStore, 'layouts')}>
        {t('toolbar.layouts')}: {layoutName(view.layout, locale)}
      </button>
      <button type="button" onClick={() => turnPage(appStore, -1)} aria-label={t('toolbar.prev')}>
        ‹
      </button>
      <span className="toolbar__pages">{pagerText(view.page, view.pageCount)}</span>
      <button type="button" onClick={() => turnPage(appStore, 1)} aria-label={t('toolbar.next')}>
        ›
      </button>
      <button type="button" onClick={() => toggleTour(appStore)}>
        {t('toolbar.tour')}
        {view.tour && clock
          ? ` · ${t(clock.pausedAt === null ? 'tour.running' : 'tour.paused')}`
          : ''}
      </button>
      <span className={`toolbar__lock toolbar__lock--${unlocked ? 'open' : 'shut'}`}>
        {t(unlocked ? 'staff.unlocked' : 'staff.locked')}
      </span>
      {/* mousedown keeps the focus on the chosen tile: the snapshot is of that tile. */}
      <button
        type="button"
        data-testid="snapshot-button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void takeSnapshot(api, appStore, chosenTile())}
      >
        {t('look.snapshot')}
      </button>
      <button type="button" onClick={() => void openStaffOverlay(api, appStore, 'settings')}>
        {t('toolbar.settings')}
      </button>
      <button type="button" onClick={() => appStore.getState().openOverlay('status')}>
        {t('health.toolbar')}
      </button>
      <button type="button" onClick={() => appStore.getState().openOverlay('help')}>
        {t('toolbar.help')}
      </button>
      <button type="button" onClick={() => void quitWall(api, appStore)}>
        {t('toolbar.quit')}
      </button>
    </div>
  );
}
