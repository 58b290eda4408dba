// Derived values read by more than one component. Selectors return primitives or stored
// objects, so zustand re-renders only when they really change.
import { streamKey, type CameraView, type Quality } from '../contract';
import { canDecodeH265 } from '../player/codec-support';
import { playerKey } from '../player/player-pool';
import { deriveTileView, sitesDown } from '../status/display-state';
import type { AppState } from './app-store';

export function findCamera(state: AppState, cameraId: string | null): CameraView | undefined {
  if (cameraId === null) return undefined;
  return state.snapshot?.cameras.find((camera) => camera.id === cameraId);
}

/**
 * The quality a tile plays: main only when maximised, the camera has one, and this display
 * can decode it (an H.265 main stream stays on the sub stream here, and the tile says so).
 */
export function qualityFor(
  camera: CameraView | undefined,
  maximised: boolean,
  mainUndecodable = false,
): Quality {
  return maximised && camera?.hasMainStream && !mainUndecodable ? 'main' : 'sub';
}

/**
 * The short names of every configured centre without picture, on this display's page or not
 * (the banner's). Main keeps a session open for every installed camera (the background
 * watch), so its status speaks for an off-screen camera; a tile's own player, when it shows
 * the camera, speaks first. Not-installed and disabled cameras are never "without picture".
 */
export function selectSitesWithoutPicture(state: AppState): string[] {
  const snapshot = state.snapshot;
  if (!snapshot) return [];
  const cameras = snapshot.cameras.map((camera) => {
    const view = deriveTileView({
      cameraId: camera.id,
      camera,
      status: state.statuses[streamKey(camera.id, 'sub')],
      freshness: state.freshness[playerKey(camera.id, 'sub')],
      canDecodeH265,
    });
    return { siteId: camera.siteId, state: view.state };
  });
  const down = new Set(sitesDown(cameras));
  return snapshot.sites.filter((site) => down.has(site.id)).map((site) => site.shortName);
}
