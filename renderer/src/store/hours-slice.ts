// Office hours as main last told: whether the wall shows its cameras or the dark screen.
import type { StateCreator } from 'zustand';
import type { OfficeHoursStatus } from '../contract';
import type { AppState } from './app-store';

export interface HoursSlice {
  /** Null until main answers (the wall shows meanwhile, as it did before office hours). */
  officeHours: OfficeHoursStatus | null;
  setOfficeHours(officeHours: OfficeHoursStatus): void;
}

export const initialHours = { officeHours: null } satisfies Partial<HoursSlice>;

export const createHoursSlice: StateCreator<AppState, [], [], HoursSlice> = (set) => ({
  ...initialHours,
  // Outside hours main holds no stream at all, so no status from before stands either: a tile
  // coming back must not show 'live' from the evening before while it reconnects.
  setOfficeHours: (officeHours) =>
    set(officeHours.showing ? { officeHours } : { officeHours, statuses: {} }),
});

/** The dark out-of-hours screen replaces the wall (and every player) only when main says so. */
export function showsCameras(state: Pick<HoursSlice, 'officeHours'>): boolean {
  return state.officeHours?.showing !== false;
}
