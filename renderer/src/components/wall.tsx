// The whole screen: the grid (or one maximised tile on the main stream), the banner, and the
// staff keys. The root carries the e2e hooks data-testid="wall" and data-locale.
import { useCallback } from 'react';
import { DEFAULT_LOCALE } from '../contract';
import { useWallApi } from '../api/api-context';
import { maximiseCamera, restoreGrid } from '../controls/staff-actions';
import { useIdleCursor } from '../hooks/use-idle-cursor';
import { useStaffKeys } from '../hooks/use-staff-keys';
import { appStore, useApp } from '../store/app-store';
import { Banner } from './banner';
import { Grid } from './grid';
import { Tile } from './tile';

export function Wall() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  // A maximised camera that IT has since removed from the configuration falls back to the grid.
  const maximised = useApp((s) =>
    s.snapshot?.cameras.some((camera) => camera.id === s.maximisedCameraId)
      ? s.maximisedCameraId
      : null,
  );
  const playerCount = useApp((s) => s.playerCount);
  const idle = useIdleCursor();
  useStaffKeys(api, appStore);
  const onMaximise = useCallback((cameraId: string) => void maximiseCamera(appStore, cameraId), []);
  const onRestore = useCallback(() => void restoreGrid(appStore), []);

  return (
    <div
      className={`wall${idle ? ' wall--idle' : ''}`}
      data-testid="wall"
      data-locale={locale}
      data-player-count={playerCount}
      lang={locale}
    >
      {/* The grid steps aside while one tile is maximised, so its decoders are freed. */}
      {maximised === null ? (
        <Grid onActivate={onMaximise} />
      ) : (
        <div className="maximised">
          <Tile cameraId={maximised} copy={0} maximised onActivate={onRestore} />
        </div>
      )}
      {maximised === null && <Banner />}
    </div>
  );
}
