// The PC check as this window knows it: main's last report, whether a measurement is running
// (and at which step), and a failure to say. Its own small store: the wall's notice and the
// status view read it; nothing else needs to.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PcCheckReport } from '../contract';

export interface PcCheckState {
  report: PcCheckReport | null;
  /** The step being measured (tiles), or null when no check runs. */
  runningTiles: number | null;
  error: string | null;
}

export const pcCheckStore = createStore<PcCheckState>()(() => ({
  report: null,
  runningTiles: null,
  error: null,
}));

export function usePcCheck<T>(selector: (state: PcCheckState) => T): T {
  return useStore(pcCheckStore, selector);
}
