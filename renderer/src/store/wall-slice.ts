// The wall as main describes it: sites, cameras, layout, locale and the gateway base.
import type { StateCreator } from 'zustand';
import type { WallSnapshot } from '../contract';
import type { AppState } from './app-store';

export interface WallSlice {
  snapshot: WallSnapshot | null;
  /** Why the snapshot could not be loaded, while a retry is pending. */
  loadError: string | null;
  setSnapshot(snapshot: WallSnapshot): void;
  setLoadError(error: string | null): void;
}

export const initialWall = { snapshot: null, loadError: null } satisfies Partial<WallSlice>;

export const createWallSlice: StateCreator<AppState, [], [], WallSlice> = (set) => ({
  ...initialWall,
  setSnapshot: (snapshot) => set({ snapshot, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
});
