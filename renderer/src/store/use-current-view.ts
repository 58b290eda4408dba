// The current view as a hook: it reads only its inputs from the store and derives the view
// once per change, so components re-render when the view really changes.
import { useMemo } from 'react';
import { deriveView, type CurrentView } from './current-view';
import { appStore, useApp } from './app-store';

export function useCurrentView(): CurrentView | null {
  const snapshot = useApp((s) => s.snapshot);
  const display = useApp((s) => s.display);
  const page = useApp((s) => s.page);
  const clock = useApp((s) => s.tourClock);
  const localTour = useApp((s) => s.localTour);
  return useMemo(
    () =>
      deriveView({ ...appStore.getState(), snapshot, display, page, tourClock: clock, localTour }),
    [snapshot, display, page, clock, localTour],
  );
}
