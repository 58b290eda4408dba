// The keys of "look closer" beside the wall's own (use-staff-keys.ts): C (chụp) saves a snapshot of the
// maximised or focused tile, R replays the maximised tile (10 s; again: 30 s, then 60 s).
// Zoom keys belong to the maximised tile (use-tile-zoom.ts).
import { useEffect } from 'react';
import type { WallApi } from '../contract';
import type { AppStore } from '../store/app-store';
import { chosenTile, replayNext, takeSnapshot } from './look-actions';

export function useLookKeys(api: WallApi, store: AppStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      if (store.getState().overlay !== null) return;
      const key = event.key.toLowerCase();
      if (key === 'c') void takeSnapshot(api, store, chosenTile());
      else if (key === 'r') replayNext(store);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, store]);
}
