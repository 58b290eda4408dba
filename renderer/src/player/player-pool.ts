// A registry of tile players keyed by camera + quality, so a camera that stays on screen across
// a layout change (or a maximise that keeps the same quality) keeps its player: the tile that
// takes over reparents the existing <video> instead of opening a new stream. A released player
// lingers for a short grace period, because React unmounts the old tile before it mounts the
// new one. Generic over the player type so the bookkeeping is unit-tested without a DOM.
import { streamKey, type Quality } from '../contract';

export interface PooledPlayer {
  readonly url: string;
  destroy(): void;
}

export interface PlayerPoolOptions<P extends PooledPlayer> {
  create(key: string, url: string): P;
  /** How long a player with no tile stays alive in case a tile takes it back. */
  graceMs: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Told whenever the number of live players changes (a test hook shows it). */
  onSizeChange?: (size: number) => void;
  /** Told after a player was destroyed, so its freshness can be forgotten. */
  onDestroyed?: (key: string) => void;
}

interface Entry<P> {
  player: P;
  refs: number;
  timer: unknown;
}

/** The stream's key, and a copy number for a camera shown twice (each copy has its player). */
export function playerKey(cameraId: string, quality: Quality, copy = 0): string {
  return copy === 0 ? streamKey(cameraId, quality) : `${streamKey(cameraId, quality)}|${copy}`;
}

export class PlayerPool<P extends PooledPlayer> {
  private readonly entries = new Map<string, Entry<P>>();
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: PlayerPoolOptions<P>) {
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Takes the player for key (creating it, or replacing it when the URL changed). */
  acquire(key: string, url: string): P {
    const existing = this.entries.get(key);
    if (existing && existing.player.url === url) {
      if (existing.timer !== null) this.clearTimer(existing.timer);
      existing.timer = null;
      existing.refs += 1;
      return existing.player;
    }
    if (existing) this.drop(key, existing);
    const player = this.options.create(key, url);
    this.entries.set(key, { player, refs: 1, timer: null });
    this.options.onSizeChange?.(this.entries.size);
    return player;
  }

  /** Gives the player back; it is destroyed after the grace period unless taken again. */
  release(key: string, player: P): void {
    const entry = this.entries.get(key);
    if (!entry || entry.player !== player) return; // already replaced and destroyed
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs > 0 || entry.timer !== null) return;
    entry.timer = this.setTimer(() => {
      if (this.entries.get(key) === entry && entry.refs === 0) this.drop(key, entry);
    }, this.options.graceMs);
  }

  /** The live players, in or out of their grace period. */
  players(): P[] {
    return [...this.entries.values()].map((entry) => entry.player);
  }

  destroyAll(): void {
    for (const [key, entry] of [...this.entries]) this.drop(key, entry);
  }

  private drop(key: string, entry: Entry<P>): void {
    if (entry.timer !== null) this.clearTimer(entry.timer);
    this.entries.delete(key);
    entry.player.destroy();
    this.options.onDestroyed?.(key);
    this.options.onSizeChange?.(this.entries.size);
  }
}
