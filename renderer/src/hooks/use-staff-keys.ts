// Keyboard controls for office staff: 1–5 switch the grid preset, arrows move between tiles,
// Enter maximises the focused tile, Escape returns to the grid, L switches the language.
import { useEffect } from 'react';
import type { WallApi } from '../contract';
import { maximiseCamera, restoreGrid, switchPreset, toggleLocale } from '../controls/staff-actions';
import { moveFocus, presetForKey } from '../layout/layout-math';
import type { AppStore } from '../store/app-store';

function focusedTile(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('[data-testid="tile"]') : null;
}

/** Arrow keys walk the grid; the first press focuses the first tile (a kiosk has no mouse). */
function moveTileFocus(key: string, store: AppStore): void {
  const preset = store.getState().snapshot?.layout.preset;
  if (preset === undefined) return;
  const tiles = [...document.querySelectorAll<HTMLElement>('.grid > [data-testid="tile"]')];
  const current = focusedTile();
  const index = current === null ? -1 : tiles.indexOf(current);
  const next = index < 0 ? 0 : moveFocus(index, key, preset);
  tiles[next]?.focus();
}

export function useStaffKeys(api: WallApi, store: AppStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      const preset = presetForKey(event.key);
      if (preset !== null) {
        void switchPreset(api, store, preset);
      } else if (event.key === 'Escape') {
        void restoreGrid(store);
      } else if (event.key === 'Enter') {
        const cameraId = focusedTile()?.dataset.cameraId;
        if (cameraId) void maximiseCamera(store, cameraId);
      } else if (event.key.startsWith('Arrow')) {
        moveTileFocus(event.key, store);
      } else if (event.key === 'l' || event.key === 'L') {
        void toggleLocale(api, store);
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, store]);
}
