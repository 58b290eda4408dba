// Runs the tour's clock: a little before each switch it starts the next step's players in the
// pool (so no tile is black when the page changes), then switches. A camera on both steps is
// the same pool entry, so it keeps its player. The timers are derived from the pure schedule.
import { useEffect, useRef } from 'react';
import { streamUrl } from '../contract';
import { cellKeys } from '../layout/layout-math';
import { playerPool } from '../player/pool-instance';
import { playerKey } from '../player/player-pool';
import type { TilePlayer } from '../player/tile-player';
import { appStore, useApp } from '../store/app-store';
import { tourSeconds, upcomingCells, type CurrentView } from '../store/current-view';
import { nextStep, nextTourEvent, startTour } from '../tour/tour-schedule';

type Held = { key: string; player: TilePlayer }[];

/** Takes the players of the coming cells from the pool, as their tiles will. */
function prefetch(cells: readonly (string | null)[]): Held {
  const { snapshot } = appStore.getState();
  const base = snapshot?.gatewayBase;
  if (!snapshot || !base) return [];
  const keys = cellKeys(cells);
  return cells.flatMap((cameraId, index) => {
    const camera = snapshot.cameras.find((c) => c.id === cameraId);
    if (cameraId === null || camera?.availability !== 'installed') return [];
    const key = playerKey(cameraId, 'sub', keys[index]?.copy ?? 0);
    return [{ key, player: playerPool.acquire(key, streamUrl(base, cameraId, 'sub')) }];
  });
}

export function useTour(view: CurrentView | null): void {
  const held = useRef<Held>([]);
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
        held.current.forEach(({ key, player }) => playerPool.release(key, player));
        held.current = cells ? prefetch(cells) : [];
        prefetchedFor.current = token;
        // Re-arm for the switch: a new clock object would reset the step, so nudge a copy.
        appStore.getState().setTourClock({ ...clock });
        return;
      }
      appStore.getState().setTourClock(nextStep(clock, stepCount, Date.now()));
      // The new tiles have taken their players (the pool keeps a released one for a grace
      // period), so the early hold is given back.
      const given = held.current;
      held.current = [];
      setTimeout(() => given.forEach(({ key, player }) => playerPool.release(key, player)), 0);
    }, event.inMs);
    return () => clearTimeout(timer);
  }, [touring, clock, durationMs, stepCount, view]);

  useEffect(
    () => () => {
      held.current.forEach(({ key, player }) => playerPool.release(key, player));
      held.current = [];
    },
    [],
  );
}
