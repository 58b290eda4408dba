// Runs the tour's clock: a little before each switch it starts the next step's players
// (player/prestart.ts, the same mechanism a recalled layout uses), so no tile is black when the
// page changes, then switches. A camera on both steps is the same pool entry, so it keeps its
// player. The timers are derived from the pure schedule.
import { useEffect, useRef } from 'react';
import { prestartCells, type WallTilePlayer } from '../player/pool-instance';
import type { Prestart } from '../player/prestart';
import { appStore, useApp } from '../store/app-store';
import { tourSeconds, upcomingCells, type CurrentView } from '../store/current-view';
import { nextStep, nextTourEvent, startTour } from '../tour/tour-schedule';

export function useTour(view: CurrentView | null): void {
  const held = useRef<Prestart<WallTilePlayer> | null>(null);
  const prefetchedFor = useRef<string | null>(null);
  const clock = useApp((s) => s.tourClock);
  const touring = view?.tour != null;
  const durationMs = tourSeconds(view?.tour ?? null) * 1000;
  const stepCount = view?.steps.length ?? 0;

  // A tour that is on (saved for this display) but has no clock yet starts now.
  useEffect(() => {
    if (touring && clock === null) appStore.getState().setTourClock(startTour(Date.now()));
    if (!touring && clock !== null) appStore.getState().setTourClock(null);
  }, [touring, clock]);

  useEffect(() => {
    if (!touring || clock === null || !view) return;
    // The step whose successor's players are held: a step turned by hand needs its own.
    const token = `${clock.step}:${clock.startedAt}`;
    const event = nextTourEvent(clock, durationMs, Date.now(), prefetchedFor.current === token);
    if (event === null) return;
    const timer = setTimeout(() => {
      if (event.kind === 'prefetch') {
        const cells = upcomingCells(appStore.getState(), view);
        held.current?.release();
        held.current = cells ? prestartCells(cells) : null;
        prefetchedFor.current = token;
        // Re-arm for the switch: a new clock object would reset the step, so nudge a copy.
        appStore.getState().setTourClock({ ...clock });
        return;
      }
      appStore.getState().setTourClock(nextStep(clock, stepCount, Date.now()));
      // The new tiles take their players as they mount, then the early hold is given back.
      const given = held.current;
      held.current = null;
      setTimeout(() => given?.release(), 0);
    }, event.inMs);
    return () => clearTimeout(timer);
  }, [touring, clock, durationMs, stepCount, view]);

  useEffect(
    () => () => {
      held.current?.release();
      held.current = null;
    },
    [],
  );
}
