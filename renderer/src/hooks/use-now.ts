// A shared once-a-second clock for the tiles whose words change with time (lost signal, retry
// countdown). Tiles that are fine do not subscribe, so nothing re-renders while all is well.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const noSubscription = (): (() => void) => () => undefined;

function getNow(): number {
  // With no ticking clock, catch up once so a tile that just turned red shows the right age.
  if (timer === null && Date.now() - current >= 1_000) current = Date.now();
  return current;
}

export function useNow(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : noSubscription, getNow);
}
