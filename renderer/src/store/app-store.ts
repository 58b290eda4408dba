// One store, one slice per domain (zustand's slices pattern). The vanilla store is reachable
// outside React (the player pool and the API wiring write to it); components use the hook.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { HoursSlice } from './hours-slice';
import { createHoursSlice, initialHours } from './hours-slice';
import type { StreamsSlice } from './streams-slice';
import { createStreamsSlice, initialStreams } from './streams-slice';
import type { UiSlice } from './ui-slice';
import { createUiSlice, initialUi } from './ui-slice';
import type { WallSlice } from './wall-slice';
import { createWallSlice, initialWall } from './wall-slice';

export type AppState = WallSlice & StreamsSlice & UiSlice & HoursSlice;

export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createWallSlice(...args),
    ...createStreamsSlice(...args),
    ...createUiSlice(...args),
    ...createHoursSlice(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore: AppStore = createAppStore();

/** Back to the empty state (between tests, or when the API reconnects from scratch). */
export function resetAppStore(store: AppStore = appStore): void {
  store.setState({ ...initialWall, ...initialStreams, ...initialUi, ...initialHours });
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
