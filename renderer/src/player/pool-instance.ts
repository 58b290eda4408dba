// The page's one player pool, wired to the store: players report freshness into the streams
// slice and the pool size into the ui slice (the e2e hook that proves players are destroyed).
import type { PlayerFreshness } from '../status/display-state';
import { appStore } from '../store/app-store';
import { canDecodeH265 } from './codec-support';
import { endEarlyFeedWorker } from './early-feed-worker';
import { fmp4Engine } from './fmp4-engine';
import type { PlayerEngine } from './player-engine';
import { lazyEngine, loadEngine, loadedEngine } from './engine-loader';
import { watchHiddenPlayers } from './hidden-players';
import { PlayerPool } from './player-pool';
import { Prestart, prestartTargets } from './prestart';
import { readEngineChoice, readSinkChoice } from './engine-choice';
import { canvasSink, trackSink, trackSinkAvailable } from './frame-sink';
import type { TilePlayerDeps } from './tile-player';
import { TilePlayer } from './tile-player';
import { webCodecsAvailable } from './webcodecs-engine';
import { WebCodecsTilePlayer, type WebCodecsTileDeps } from './webcodecs-tile-player';

/** Read once: the page's engine does not change while it runs. */
const engineChoice = readEngineChoice(window.location);

/** Whether the tiles play with mpegts.js: then its chunk starts loading at boot (main.tsx). */
export const tilesUseMpegts = engineChoice === 'mse';

/**
 * The MSE engine this page's tiles play with, for the PC check's decode measurement, so it
 * measures what the wall runs (WebCodecs tiles are measured with mpegts.js, their fallback).
 */
export function loadTileEngine(): Promise<PlayerEngine> {
  return engineChoice === 'fmp4' ? Promise.resolve(fmp4Engine) : loadEngine();
}

/**
 * At boot, before the first reads: the default engine takes over the feed worker the page's head
 * started (or starts it), so it is ready when the first tiles start; a page that plays with
 * another engine ends that worker.
 */
export function warmTileEngine(): void {
  if (engineChoice === 'fmp4') fmp4Engine.warmUp?.();
  endEarlyFeedWorker(window);
}

const platformDeps: Omit<TilePlayerDeps, 'engine'> = {
  createVideo: () => document.createElement('video'),
  canDecodeH265,
  now: () => Date.now(),
  setInterval: (callback, ms) => window.setInterval(callback, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
  inFreshTask: (callback) => void window.setTimeout(callback, 0),
};

/** mpegts.js, loaded as a chunk of its own (engine-loader.ts). */
const mpegtsDeps: TilePlayerDeps = {
  ...platformDeps,
  engine: lazyEngine,
  engineLoaded: () => loadedEngine() !== null,
  loadEngine,
};

/** The fragmented-MP4 engine is small and in the main chunk: nothing to wait for. */
const browserDeps: TilePlayerDeps =
  engineChoice === 'fmp4' ? { ...platformDeps, engine: fmp4Engine } : mpegtsDeps;

/** Read once, like the engine. */
const sinkKind = readSinkChoice(window.location, trackSinkAvailable());

const webCodecsDeps: WebCodecsTileDeps = {
  createSink: () =>
    sinkKind === 'track' ? trackSink() : canvasSink(document.createElement('canvas')),
  fallback: (url, onFreshness) => new TilePlayer(url, onFreshness, mpegtsDeps),
  now: browserDeps.now,
  setInterval: browserDeps.setInterval,
  clearInterval: browserDeps.clearInterval,
  requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
};

/** A tile's player, with either engine (engine-choice.ts). */
export type WallTilePlayer = TilePlayer | WebCodecsTilePlayer;

const useWebCodecs = engineChoice === 'webcodecs' && webCodecsAvailable();

/** Long enough for React to unmount one tile and mount the next; short enough to free decoders. */
const GRACE_MS = 5_000;

export const playerPool = new PlayerPool<WallTilePlayer>({
  graceMs: GRACE_MS,
  create: (key, url) => {
    const onFreshness = (freshness: PlayerFreshness) =>
      appStore.getState().setFreshness(key, freshness);
    return useWebCodecs
      ? new WebCodecsTilePlayer(url, onFreshness, webCodecsDeps)
      : new TilePlayer(url, onFreshness, browserDeps);
  },
  onDestroyed: (key) => appStore.getState().clearFreshness(key),
  onSizeChange: (size) => appStore.getState().setPlayerCount(size),
});

/** Starts the players a page of cells will need (prestart.ts), from what main last said. */
export function prestartCells(cells: readonly (string | null)[]): Prestart<WallTilePlayer> {
  const snapshot = appStore.getState().snapshot;
  const targets = prestartTargets(cells, snapshot?.cameras ?? [], snapshot?.gatewayBase ?? null);
  return new Prestart(playerPool, targets);
}

/** Started by main.tsx: players hidden behind a maximised tile are suspended (no decoding). */
export function startSuspendingHidden(win: Window): () => void {
  return watchHiddenPlayers(
    (onChange) =>
      appStore.subscribe((s, prev) => {
        const moved =
          s.maximisedCameraId !== prev.maximisedCameraId ||
          s.playerCount !== prev.playerCount ||
          s.snapshot !== prev.snapshot;
        if (moved) onChange();
      }),
    () => playerPool.players(),
    win,
  );
}
