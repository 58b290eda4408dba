// The feed worker renderer/public/early-start.js started before the bundle ran, taken over once:
// the worker, the messages it sent before anyone listened (its spare sources), and whether it
// failed to start.
export const EARLY_FEED_WORKER_GLOBAL = '__earlyFeedWorker';

export interface EarlyFeedWorker {
  worker: Worker;
  received: unknown[];
  failed: string | null;
}

/** The early worker, once; null when the page's head started none (or it was taken). */
export function takeEarlyFeedWorker(win: Window): EarlyFeedWorker | null {
  const holder = win as unknown as Record<string, EarlyFeedWorker | undefined>;
  const early = holder[EARLY_FEED_WORKER_GLOBAL] ?? null;
  delete holder[EARLY_FEED_WORKER_GLOBAL];
  if (early) early.worker.onmessage = early.worker.onerror = null;
  return early;
}

/** A page whose tiles do not feed in the worker ends the one its head started. */
export function endEarlyFeedWorker(win: Window): void {
  takeEarlyFeedWorker(win)?.worker.terminate();
}
