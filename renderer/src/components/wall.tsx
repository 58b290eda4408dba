// The whole screen: this display's page of tiles (or one maximised tile over it, on the main
// stream), the banner, the pager, the tour's line, the toolbar and the staff's dialogs. The
// root carries the e2e hooks data-testid="wall", data-locale and data-player-count.
import { useCallback } from 'react';
import { DEFAULT_LOCALE } from '../contract';
import { useWallApi } from '../api/api-context';
import { maximiseCamera, restoreGrid } from '../controls/staff-actions';
import { useIdleCursor } from '../hooks/use-idle-cursor';
import { useStaffKeys } from '../hooks/use-staff-keys';
import { useTour } from '../hooks/use-tour';
import { useLookKeys } from '../look/use-look-keys';
import { appStore, useApp } from '../store/app-store';
import { tourSeconds } from '../store/current-view';
import { useCurrentView } from '../store/use-current-view';
import { Banner } from './banner';
import { Grid } from './grid';
import { HelpOverlay } from './help-overlay';
import { LayoutEditor } from './layout-editor';
import { LayoutsPanel } from './layouts-panel';
import { Pager } from './pager';
import { PinDialog } from './pin-dialog';
import { SettingsPanel } from './settings-panel';
import { Tile } from './tile';
import { Toolbar } from './toolbar';
import { TourProgress } from './tour-progress';

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
  useStaffKeys(api, appStore);
  useLookKeys(api, appStore);
  useTour(view);
  const onMaximise = useCallback((cameraId: string) => maximiseCamera(appStore, cameraId), []);
  const onRestore = useCallback(() => restoreGrid(appStore), []);
  if (!view) return null;

  return (
    <div
      className={`wall${idle && overlay === null ? ' wall--idle' : ''}`}
      data-testid="wall"
      data-locale={locale}
      data-player-count={playerCount}
      data-layout-id={view.layout.id}
      data-maximised={maximised ?? ''}
      lang={locale}
    >
      {/* The grid stays under a maximised tile: its players keep the banner's count true. */}
      <Grid view={view} onActivate={onMaximise} />
      {maximised !== null && (
        <div className="maximised" data-testid="maximised">
          <Tile cameraId={maximised} copy={0} maximised onActivate={onRestore} />
        </div>
      )}
      <Banner compact={maximised !== null} />
      {maximised === null && <Pager page={view.page} count={view.pageCount} />}
      {view.tour && <TourProgress seconds={tourSeconds(view.tour)} />}
      <Toolbar view={view} visible={!idle && overlay === null} />
      {overlay === 'help' && <HelpOverlay />}
      {overlay === 'pin' && <PinDialog />}
      {overlay === 'layouts' && <LayoutsPanel currentId={view.layout.id} />}
      {overlay === 'settings' && <SettingsPanel />}
      {overlay === 'editor' && <LayoutEditor layoutId={editingLayoutId} />}
    </div>
  );
}
