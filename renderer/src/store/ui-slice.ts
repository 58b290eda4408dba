// What staff changed on this screen that main does not need to know: the maximised tile and a
// short notice after a failed action.
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface UiSlice {
  /** The camera shown 1x1 over the grid on the main stream, or null. */
  maximisedCameraId: string | null;
  /** A short message after a staff action failed, or null. */
  notice: string | null;
  /** Number of live players in the pool (test hook: every player is destroyed). */
  playerCount: number;
  maximise(cameraId: string): void;
  restore(): void;
  setNotice(notice: string | null): void;
  setPlayerCount(count: number): void;
}

export const initialUi = {
  maximisedCameraId: null,
  notice: null,
  playerCount: 0,
} satisfies Partial<UiSlice>;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  ...initialUi,
  maximise: (maximisedCameraId) => set({ maximisedCameraId }),
  restore: () => set({ maximisedCameraId: null }),
  setNotice: (notice) => set({ notice }),
  setPlayerCount: (playerCount) => set({ playerCount }),
});
