// The whole screen: this display's page of tiles (or one maximised tile over it, on the main
// stream), the banner, the pager, the tour's line, the toolbar and the staff's dialogs, with the
// clock in a strip of its own under the grid. Outside office hours the dark screen replaces the
// page (no tile, so no player) but keeps the keys and the dialogs that need no page. The root
// carries the e2e hooks data-testid="wall" (or "outside-hours"), data-locale and
// data-player-count.
import { useCallback } from 'react';
import { DEFAULT_LOCALE } from '../contract';
import { useWallApi } from '../api/api-context';
import { maximiseCamera, restoreGrid } from '../controls/staff-actions';
import { useIdleCursor } from '../hooks/use-idle-cursor';
import { usePcCheckAtStart } from '../hooks/use-pc-check-at-start';
import { useStaffKeys } from '../hooks/use-staff-keys';
import { useTour } from '../hooks/use-tour';
import { useLookKeys } from '../look/use-look-keys';
import { appStore, useApp } from '../store/app-store';
import { tourSeconds } from '../store/current-view';
import { showsCameras } from '../store/hours-slice';
import { useCurrentView } from '../store/use-current-view';
import { Banner } from './banner';
import { Grid } from './grid';
import { HelpOverlay } from './help-overlay';
import { LayoutEditor } from './layout-editor';
import { LayoutsPanel } from './layouts-panel';
import { OutsideHoursScreen } from './outside-hours';
import { Pager } from './pager';
import { PinDialog } from './pin-dialog';
import { QuitDialog, QuitDone } from './quit-dialog';
import { SettingsPanel } from './settings-panel';
import { CapacityNotice } from './status-view/capacity-notice';
import { StatusView } from './status-view/status-view';
import { SettingsNotices } from './settings/settings-notices';
import { Tile } from './tile';
import { Toolbar } from './toolbar';
import { TourProgress } from './tour-progress';
import { ClockStrip } from './wall-clock';

export function Wall() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const view = useCurrentView();
  // A maximised camera that IT has since removed from the configuration falls back to the grid.
  const maximised = useApp((s) =>
    s.snapshot?.cameras.some((camera) => camera.id === s.maximisedCameraId)
      ? s.maximisedCameraId
      : null,
  );
  const overlay = useApp((s) => s.overlay);
  const editingLayoutId = useApp((s) => s.editingLayoutId);
  const playerCount = useApp((s) => s.playerCount);
  const idle = useIdleCursor();
  const showing = useApp(showsCameras);
  useStaffKeys(api, appStore);
  useLookKeys(api, appStore);
  useTour(view);
  usePcCheckAtStart(api);
  const onMaximise = useCallback((cameraId: string) => maximiseCamera(appStore, cameraId), []);
  const onRestore = useCallback(() => restoreGrid(appStore), []);
  if (showing && !view) return null;
  const lit = showing && view !== null;
  // One root whatever the hours, with the dialogs at fixed places after the page: a panel staff
  // have open (the settings, the status view) keeps its state when the wall goes dark under it
  // (an import whose configuration has other hours, the end of a look) or lights up again.
  return (
    <div
      className={
        lit
          ? `wall${idle && overlay === null ? ' wall--idle' : ''}`
          : `wall wall--dark${idle ? ' wall--idle' : ''}`
      }
      data-testid={lit ? 'wall' : 'outside-hours'}
      data-locale={locale}
      data-player-count={playerCount}
      {...(lit ? { 'data-layout-id': view.layout.id, 'data-maximised': maximised ?? '' } : {})}
      lang={locale}
    >
      {lit ? (
        <>
          {/* The grid stays under a maximised tile: its players keep the banner's count true. */}
          <Grid view={view} onActivate={onMaximise} />
          {maximised !== null && (
            <div className="maximised" data-testid="maximised">
              <Tile cameraId={maximised} copy={0} maximised onActivate={onRestore} />
            </div>
          )}
          <Banner compact={maximised !== null} />
          {maximised === null && <Pager page={view.page} count={view.pageCount} />}
          <CapacityNotice view={view} />
          {view.tour && <TourProgress seconds={tourSeconds(view.tour)} />}
          <ClockStrip />
          <SettingsNotices locale={locale} />
          <Toolbar view={view} visible={!idle && overlay === null} />
        </>
      ) : (
        <OutsideHoursScreen />
      )}
      {overlay === 'help' && <HelpOverlay />}
      {overlay === 'pin' && <PinDialog />}
      {lit && overlay === 'layouts' && (
        <LayoutsPanel currentId={view.layout.id} choice={view.choice} />
      )}
      {overlay === 'settings' && <SettingsPanel />}
      {lit && overlay === 'editor' && <LayoutEditor layoutId={editingLayoutId} />}
      {overlay === 'quit' && <QuitDialog />}
      {overlay === 'quit-done' && <QuitDone />}
      {overlay === 'status' && <StatusView />}
    </div>
  );
}
