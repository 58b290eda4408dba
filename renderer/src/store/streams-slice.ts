// Stream health: the upstream status main pushes per camera + quality, and each tile player's
// own freshness (written by the player pool, outside React).
import type { StateCreator } from 'zustand';
import { streamKey, type StreamStatus } from '../contract';
import type { PlayerFreshness } from '../status/display-state';
import type { AppState } from './app-store';

export interface StreamsSlice {
  statuses: Readonly<Record<string, StreamStatus>>;
  freshness: Readonly<Record<string, PlayerFreshness>>;
  setStatus(status: StreamStatus): void;
  setStatuses(statuses: readonly StreamStatus[]): void;
  setFreshness(key: string, freshness: PlayerFreshness): void;
  clearFreshness(key: string): void;
}

export const initialStreams = { statuses: {}, freshness: {} } satisfies Partial<StreamsSlice>;

export const createStreamsSlice: StateCreator<AppState, [], [], StreamsSlice> = (set) => ({
  ...initialStreams,
  setStatus: (status) =>
    set((state) => ({
      statuses: { ...state.statuses, [streamKey(status.cameraId, status.quality)]: status },
    })),
  setStatuses: (list) =>
    set(() => ({
      statuses: Object.fromEntries(list.map((s) => [streamKey(s.cameraId, s.quality), s])),
    })),
  setFreshness: (key, value) =>
    set((state) => ({ freshness: { ...state.freshness, [key]: value } })),
  clearFreshness: (key) =>
    set((state) => {
      if (!(key in state.freshness)) return state;
      const freshness = { ...state.freshness };
      delete freshness[key];
      return { freshness };
    }),
});
