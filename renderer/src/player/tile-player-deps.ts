// What a tile player needs from its surroundings: the real ones are in pool-instance.ts, fakes
// in the unit tests.
import type { PlayerEngine } from './player-engine';

/** What the tile player needs from its surroundings (real ones in pool-instance.ts). */
export interface TilePlayerDeps {
  engine: PlayerEngine;
  /** A lazily loaded engine (engine-loader.ts): whether it is there yet, and how to get it. */
  engineLoaded?(): boolean;
  loadEngine?(): Promise<unknown>;
  createVideo(): HTMLVideoElement;
  canDecodeH265(): boolean;
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Runs `callback` in a task of its own, after every microtask queued before it. */
  inFreshTask(callback: () => void): void;
}
