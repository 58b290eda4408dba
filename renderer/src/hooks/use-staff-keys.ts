// Keyboard controls for office staff: 1–5 switch the grid preset, Enter maximises the focused
// tile, Escape returns to the grid, L switches the language.
import { useEffect } from 'react';
import type { WallApi } from '../contract';
import { maximiseCamera, restoreGrid, switchPreset, toggleLocale } from '../controls/staff-actions';
import { presetForKey } from '../layout/layout-math';
import type { AppStore } from '../store/app-store';

function focusedCameraId(): string | null {
  const active = document.activeElement;
  const tile =
    active instanceof HTMLElement ? active.closest<HTMLElement>('[data-testid="tile"]') : null;
  return tile?.dataset.cameraId ?? null;
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
        const cameraId = focusedCameraId();
        if (cameraId !== null) void maximiseCamera(store, cameraId);
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
