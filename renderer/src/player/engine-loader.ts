// mpegts.js is most of the renderer's code, and the wall's shell (grid, names, status words)
// needs none of it to paint. It is split into its own chunk and fetched in parallel with the
// API's first reads: main.tsx starts the load at boot, before anything renders, so by the time
// the layout is known it is usually ready. A tile player made before then waits for it
// (tile-player.ts); one that failed to load is tried again by the next player.
import type { PlayerEngine } from './player-engine';

let engine: PlayerEngine | null = null;
let loading: Promise<PlayerEngine> | null = null;

export function loadEngine(): Promise<PlayerEngine> {
  loading ??= import('./mpegts-engine').then(
    (module) => (engine = module.mpegtsEngine),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The engine once loaded, else null. */
export function loadedEngine(): PlayerEngine | null {
  return engine;
}

/**
 * The engine for code that only runs once it is loaded (the tile player checks loadedEngine()
 * before it makes a player): each member reads the loaded module.
 */
export const lazyEngine: PlayerEngine = {
  supported: () => need().supported(),
  create: (url, hooks) => need().create(url, hooks),
  get events() {
    return need().events;
  },
  get codecUnsupportedDetail() {
    return need().codecUnsupportedDetail;
  },
  isDecodeError: (type, detail) => need().isDecodeError(type, detail),
};

function need(): PlayerEngine {
  if (engine === null) throw new Error('the player engine is not loaded yet');
  return engine;
}
