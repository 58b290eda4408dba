// Derived values read by more than one component. Selectors return primitives or stored
// objects, so zustand re-renders only when they really change.
import { streamKey, type CameraView, type Quality } from '../contract';
import { canDecodeH265 } from '../player/codec-support';
import { playerKey } from '../player/player-pool';
import { countSitesDown, deriveTileView } from '../status/display-state';
import type { AppState } from './app-store';
import { deriveView } from './current-view';

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
 * How many centres on this display's page have no picture (the banner's count). The grid
 * stays mounted under a maximised tile, so this keeps counting while one tile is large.
 */
export function selectSitesDown(state: AppState): number {
  const view = deriveView(state);
  if (!view) return 0;
  const tiles = view.cells.map((cameraId) => {
    const camera = findCamera(state, cameraId);
    const key = cameraId === null ? '' : streamKey(cameraId, 'sub');
    const view = deriveTileView({
      cameraId,
      camera,
      status: state.statuses[key],
      freshness: state.freshness[cameraId === null ? '' : playerKey(cameraId, 'sub')],
      h265Supported: canDecodeH265(),
    });
    return { siteId: camera?.siteId ?? null, state: view.state };
  });
  return countSitesDown(tiles);
}
