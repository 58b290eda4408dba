// Starting the players of a page before it is shown, so no tile is black when the wall
// switches to it. The tour does it a little before each step; recalling a layout (keys 1–9, the
// layouts panel) does it before it asks main to switch. The players are taken from the pool
// under the keys the new tiles will use, so the tiles find them running, and a camera that is on
// both pages is the same pool entry: it keeps its player. Pure over the pool, so the
// bookkeeping and the wait are tested without a browser.
import { streamUrl, type CameraView } from '../contract';
import { cellKeys } from '../layout/layout-math';
import { playerKey, type PlayerPool, type PooledPlayer } from './player-pool';

/** A pooled player that can say whether it has a picture to show yet. */
export interface PrestartPlayer extends PooledPlayer {
  hasPicture(): boolean;
}

export interface PrestartTarget {
  key: string;
  url: string;
}

/** How long a recall waits at most for the new players' first pictures before it switches. */
export const PRESTART_MAX_WAIT_MS = 3_000;
const POLL_MS = 100;

/** The players a page of cells needs, under the keys its grid tiles use (sub stream). */
export function prestartTargets(
  cells: readonly (string | null)[],
  cameras: readonly Pick<CameraView, 'id' | 'availability'>[],
  gatewayBase: string | null,
): PrestartTarget[] {
  if (gatewayBase === null) return [];
  const keys = cellKeys(cells);
  return cells.flatMap((cameraId, index) => {
    const camera = cameras.find((c) => c.id === cameraId);
    if (cameraId === null || camera?.availability !== 'installed') return [];
    const key = playerKey(cameraId, 'sub', keys[index]?.copy ?? 0);
    return [{ key, url: streamUrl(gatewayBase, cameraId, 'sub') }];
  });
}

export interface PrestartTiming {
  wait(ms: number): Promise<void>;
  now(): number;
}

const realTiming: PrestartTiming = {
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** Players held for a coming page until its tiles have taken them. */
export class Prestart<P extends PrestartPlayer> {
  private held: { key: string; player: P }[];

  constructor(
    private readonly pool: PlayerPool<P>,
    targets: readonly PrestartTarget[],
    private readonly timing: PrestartTiming = realTiming,
  ) {
    this.held = targets.map(({ key, url }) => ({ key, player: pool.acquire(key, url) }));
  }

  get size(): number {
    return this.held.length;
  }

  /** Every held player has a picture to show. */
  ready(): boolean {
    return this.held.every(({ player }) => player.hasPicture());
  }

  /**
   * Resolves once every held player has a picture, or after `maxMs` (a camera that is down
   * never has one; its tile says so in words, it must not hold the switch up). True if ready.
   */
  async whenReady(maxMs = PRESTART_MAX_WAIT_MS): Promise<boolean> {
    const deadline = this.timing.now() + maxMs;
    while (!this.ready()) {
      const left = deadline - this.timing.now();
      if (left <= 0) return false;
      await this.timing.wait(Math.min(POLL_MS, left));
    }
    return true;
  }

  /**
   * Gives the players back. Called once the new tiles have mounted: they took their own
   * references, so nothing stops; a player no tile took lingers for the pool's grace period.
   */
  release(): void {
    const given = this.held;
    this.held = [];
    for (const { key, player } of given) this.pool.release(key, player);
  }
}
