// What belongs to this screen alone and main does not need to know: the page, the maximised
// tile, the tour's clock, which overlay is open, the staff lock as last told, and a short
// notice after a failed action.
import type { StateCreator } from 'zustand';
import type { ReplaySeconds, StaffStatus, TourSpec } from '../contract';
import type { DisplayIdentity } from '../display/display-identity';
import type { TourClock } from '../tour/tour-schedule';
import type { AppState } from './app-store';

export type Overlay =
  | 'help'
  | 'layouts'
  | 'editor'
  | 'settings'
  | 'pin'
  | 'status'
  // Quitting: the confirmation, then (where the page outlives it: the preview) the end.
  | 'quit'
  | 'quit-done'
  | null;

export interface UiSlice {
  display: DisplayIdentity;
  page: number;
  /** The camera shown large over the grid on the main stream, or null. */
  maximisedCameraId: string | null;
  /** Cameras whose main stream this display cannot decode (H.265): maximised on sub. */
  mainUndecodable: Readonly<Record<string, true>>;
  /** A tour started here with Space (pages of the layout), when the display has none saved. */
  localTour: TourSpec | null;
  tourClock: TourClock | null;
  overlay: Overlay;
  /** The layout the editor opened (null: a new one). */
  editingLayoutId: string | null;
  staff: StaffStatus | null;
  notice: string | null;
  /** Number of live players in the pool (test hook: every player is destroyed). */
  playerCount: number;
  /** The maximised tile's instant replay, while it plays (`run` tells a restart apart). */
  replay: { cameraId: string; seconds: ReplaySeconds; run: number } | null;
  setDisplay(display: DisplayIdentity): void;
  setPage(page: number): void;
  maximise(cameraId: string): void;
  restore(): void;
  markMainUndecodable(cameraId: string): void;
  setTour(localTour: TourSpec | null, clock: TourClock | null): void;
  setTourClock(clock: TourClock | null): void;
  openOverlay(overlay: Overlay, editingLayoutId?: string | null): void;
  setStaff(staff: StaffStatus): void;
  setNotice(notice: string | null): void;
  setPlayerCount(count: number): void;
  startReplay(cameraId: string, seconds: ReplaySeconds): void;
  stopReplay(): void;
}

export const initialUi = {
  display: { index: 0, id: 'display-0' },
  page: 0,
  maximisedCameraId: null,
  mainUndecodable: {},
  localTour: null,
  tourClock: null,
  overlay: null,
  editingLayoutId: null,
  staff: null,
  notice: null,
  playerCount: 0,
  replay: null,
} satisfies Partial<UiSlice>;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  ...initialUi,
  setDisplay: (display) => set({ display }),
  setPage: (page) => set({ page }),
  maximise: (maximisedCameraId) => set({ maximisedCameraId }),
  restore: () => set({ maximisedCameraId: null, replay: null }),
  markMainUndecodable: (cameraId) =>
    set((state) =>
      state.mainUndecodable[cameraId]
        ? state
        : { mainUndecodable: { ...state.mainUndecodable, [cameraId]: true } },
    ),
  setTour: (localTour, tourClock) => set({ localTour, tourClock }),
  setTourClock: (tourClock) => set({ tourClock }),
  openOverlay: (overlay, editingLayoutId = null) => set({ overlay, editingLayoutId }),
  setStaff: (staff) => set({ staff }),
  setNotice: (notice) => set({ notice }),
  setPlayerCount: (playerCount) => set({ playerCount }),
  startReplay: (cameraId, seconds) =>
    set((state) => ({ replay: { cameraId, seconds, run: (state.replay?.run ?? 0) + 1 } })),
  stopReplay: () => set({ replay: null }),
});
