// The first page's players start the moment the store first knows what this display shows (the
// snapshot, after the office hours), not after React has rendered the wall. Measured on the
// benchmark's page loads, the first render spends tens of milliseconds on the wall's own work
// (the clock's date formatter, the first layout); with the players already asking the gateway
// for the cached keyframe, that work overlaps the network instead of coming before it. The
// tiles then find their players running in the pool (prestart.ts, the mechanism a recalled
// layout uses). Outside office hours, or on a screen with nothing to show, nothing starts.
import type { AppState } from '../store/app-store';
import { deriveView } from '../store/current-view';
import { showsCameras } from '../store/hours-slice';

export interface BootStore {
  getState(): AppState;
  subscribe(listener: (state: AppState) => void): () => void;
}

export interface HeldPlayers {
  release(): void;
}

/**
 * Watches the store until the first view is known, starts its cells' players once with
 * `start`, and gives them back on the next task (`later`): by then the tiles mounted by that
 * state took their own references, and a player no tile took lingers only for the pool's grace.
 */
export function prestartFirstPage(
  store: BootStore,
  start: (cells: readonly (string | null)[]) => HeldPlayers,
  later: (callback: () => void) => void = (callback) => setTimeout(callback, 0),
): () => void {
  let done = false;
  let unsubscribe: (() => void) | null = null;
  const consider = (state: AppState): void => {
    if (done) return;
    const view = deriveView(state);
    if (!view) return;
    done = true;
    unsubscribe?.();
    if (!showsCameras(state) || state.maximisedCameraId !== null) return;
    const held = start(view.cells);
    later(() => held.release());
  };
  unsubscribe = store.subscribe(consider);
  consider(store.getState());
  if (done) unsubscribe();
  return () => {
    done = true;
    unsubscribe?.();
  };
}
