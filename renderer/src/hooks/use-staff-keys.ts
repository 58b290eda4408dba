// The wall's keys (the help overlay lists them): 1–9 saved layouts, PageUp/PageDown pages,
// Space the tour, arrows move between tiles, Enter maximises and Escape returns, F1 or ?
// help, S the status view, L the language. While a dialog is open, its own fields take the keys; Escape closes it.
import { useEffect } from 'react';
import type { WallApi } from '../contract';
import {
  maximiseCamera,
  recallLayout,
  restoreGrid,
  toggleLocale,
  toggleTour,
  turnPage,
} from '../controls/staff-actions';
import { dropPending } from '../controls/staff-gate';
import { moveFocus } from '../layout/layout-math';
import type { AppStore } from '../store/app-store';
import { deriveView } from '../store/current-view';

function focusedTile(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('[data-testid="tile"]') : null;
}

/** Arrow keys walk the tiles; the first press focuses the first tile (a kiosk has no mouse). */
function moveTileFocus(key: string, store: AppStore): void {
  const view = deriveView(store.getState());
  if (!view) return;
  const tiles = [...document.querySelectorAll<HTMLElement>('.grid [data-testid="tile"]')];
  const current = focusedTile();
  const index = current === null ? -1 : tiles.indexOf(current);
  const next = index < 0 ? 0 : moveFocus(index, key, view.layout.grid);
  tiles[next]?.focus();
}

function wallKey(event: KeyboardEvent, api: WallApi, store: AppStore): boolean {
  const state = store.getState();
  const { key } = event;
  if (key === 'F1' || key === '?') state.openOverlay('help');
  else if (key === 's' || key === 'S') state.openOverlay('status');
  else if (recallLayout(api, store, key)) return true;
  else if (key === 'PageDown') turnPage(store, 1);
  else if (key === 'PageUp') turnPage(store, -1);
  else if (key === ' ') toggleTour(store);
  else if (key === 'Escape') restoreGrid(store);
  else if (key === 'Enter') {
    const cameraId = focusedTile()?.dataset.cameraId;
    if (cameraId) maximiseCamera(store, cameraId);
  } else if (key.startsWith('Arrow')) {
    if (state.maximisedCameraId === null) moveTileFocus(key, store);
  } else if (key === 'l' || key === 'L') void toggleLocale(api, store);
  else return false;
  return true;
}

export function useStaffKeys(api: WallApi, store: AppStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      const overlay = store.getState().overlay;
      if (overlay !== null) {
        const closesHelp = overlay === 'help' && (event.key === 'F1' || event.key === '?');
        if (event.key !== 'Escape' && !closesHelp) return;
        dropPending();
        store.getState().openOverlay(null);
        event.preventDefault();
        return;
      }
      if (wallKey(event, api, store)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, store]);
}
