// What this display shows now, derived from the snapshot and this screen's own state: its
// choice (or the fallback), the tour's step when one runs, the layout, the page and its cells.
import {
  DEFAULT_TOUR_SECONDS,
  resolveDisplayChoice,
  type DisplayChoice,
  type SavedLayout,
  type TourSpec,
} from '../contract';
import { pageCells, pageCount, wrapPage } from '../layout/paging';
import { tourSteps, type TourStep } from '../tour/tour-schedule';
import type { AppState } from './app-store';

export interface CurrentView {
  choice: DisplayChoice;
  layout: SavedLayout;
  page: number;
  pageCount: number;
  cells: (string | null)[];
  tour: TourSpec | null;
  steps: TourStep[];
}

/** The tour in force: the display's saved one, else one started here with Space. */
export function activeTour(state: AppState, choice: DisplayChoice | null): TourSpec | null {
  return choice?.tour ?? state.localTour;
}

export function deriveView(state: AppState): CurrentView | null {
  const snapshot = state.snapshot;
  if (!snapshot) return null;
  const choice = resolveDisplayChoice(snapshot.displays, state.display.id, snapshot.layouts);
  if (!choice) return null;
  const tour = activeTour(state, choice);
  const steps = tour ? tourSteps(tour, choice.layoutId, snapshot.layouts, snapshot.cameras) : [];
  const step = tour && state.tourClock ? steps[state.tourClock.step % steps.length] : undefined;
  const layoutId = step?.layoutId ?? choice.layoutId;
  const layout = snapshot.layouts.find((l) => l.id === layoutId) ?? snapshot.layouts[0]!;
  const count = pageCount(layout, snapshot.cameras);
  const page = step ? step.page : wrapPage(state.page, count);
  return {
    choice,
    layout,
    page,
    pageCount: count,
    cells: pageCells(layout, snapshot.cameras, page),
    tour,
    steps,
  };
}

/** The step after the current one, for starting its players early. */
export function upcomingCells(state: AppState, view: CurrentView): (string | null)[] | null {
  const snapshot = state.snapshot;
  if (!snapshot || !view.tour || !state.tourClock || view.steps.length === 0) return null;
  const step = view.steps[(state.tourClock.step + 1) % view.steps.length];
  const layout = snapshot.layouts.find((l) => l.id === step?.layoutId);
  return layout && step ? pageCells(layout, snapshot.cameras, step.page) : null;
}

export const tourSeconds = (tour: TourSpec | null): number => tour?.seconds ?? DEFAULT_TOUR_SECONDS;
