// Derived values read by more than one component. Selectors return primitives or stored
// objects, so zustand re-renders only when they really change.
import { streamKey, type CameraView, type Quality } from '../contract';
import { canDecodeH265 } from '../player/codec-support';
import { playerKey } from '../player/player-pool';
import { countSitesDown, deriveTileView } from '../status/display-state';
import type { AppState } from './app-store';

export function findCamera(state: AppState, cameraId: string | null): CameraView | undefined {
  if (cameraId === null) return undefined;
  return state.snapshot?.cameras.find((camera) => camera.id === cameraId);
}

/** The quality a tile plays: main only when maximised and the camera has one. */
export function qualityFor(camera: CameraView | undefined, maximised: boolean): Quality {
  return maximised && camera?.hasMainStream ? 'main' : 'sub';
}

/** How many centres on the current grid are down (the banner's count). */
export function selectSitesDown(state: AppState): number {
  const snapshot = state.snapshot;
  if (!snapshot) return 0;
  const tiles = snapshot.layout.cameraIds.map((cameraId) => {
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
