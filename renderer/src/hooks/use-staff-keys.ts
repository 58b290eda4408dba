// The wall's keys (the help overlay lists them): 1–9 saved layouts, PageUp/PageDown pages,
// Space the tour, arrows move between tiles, Enter maximises and Escape returns, F1 or ?
// help, S the status view (no PIN), L the language, O the cameras outside working hours (PIN),
// Ctrl+Alt+Shift+Q quit (a staff action). On the dark out-of-hours screen only help, status,
// language, O and the quit chord act. While a dialog is open, its own fields take the keys; Escape
// closes it.
import { useEffect } from 'react';
import { isQuitChord, type WallApi } from '../contract';
import {
  maximiseCamera,
  quitWall,
  recallLayout,
  restoreGrid,
  toggleLocale,
  toggleTour,
  turnPage,
} from '../controls/staff-actions';
import { OUTSIDE_HOURS_KEY, toggleOutsideHoursLook } from '../controls/hours-actions';
import { dropPending } from '../controls/staff-gate';
import { moveFocus } from '../layout/layout-math';
import type { AppStore } from '../store/app-store';
import { deriveView } from '../store/current-view';
import { showsCameras } from '../store/hours-slice';

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
  if (key.toLowerCase() === OUTSIDE_HOURS_KEY) void toggleOutsideHoursLook(api, store);
  else if (key === 'F1' || key === '?') state.openOverlay('help');
  else if (key === 's' || key === 'S') state.openOverlay('status');
  else if (!showsCameras(state) && key !== 'l' && key !== 'L') return false;
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

const chordOf = (event: KeyboardEvent) => ({
  key: event.key,
  code: event.code,
  control: event.ctrlKey,
  alt: event.altKey,
  shift: event.shiftKey,
  meta: event.metaKey,
});

export function useStaffKeys(api: WallApi, store: AppStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const overlay = store.getState().overlay;
      if (overlay === 'quit-done') return;
      if (isQuitChord(chordOf(event))) {
        // The kiosk lets this chord through to the page (electron/kiosk/kiosk-shortcuts.ts).
        event.preventDefault();
        if (!event.repeat && overlay === null) void quitWall(api, store);
        return;
      }
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
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
