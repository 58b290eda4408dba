// How far behind the live edge a tile plays, and how it catches up: the playback rate is nudged
// to 1.2× when the buffer ahead of the play position passes `nudge` seconds and back to 1× once
// it is down to `settle` (no seek, so no frame is skipped). mpegts.js has the same rule with
// fixed values; ours adapts. A thin buffer is the lowest latency when frames arrive evenly and
// the machine keeps up (16 tiles on loopback: 179–225 ms glass-to-glass at 0.12 s), but when
// frames arrive in bursts (a jittery link) or late (a saturated PC: 25 tiles on two cores) it
// makes the video skip late frames. So each tile starts thin and steps to the safer level when
// its video drops frames; it tries thin again after a quiet hold, and a tile that keeps falling
// back waits twice as long each time (measured: docs/bench/page-profile.md).

export interface LiveSyncLevel {
  /** Buffer (s) at which the rate returns to 1×. */
  settle: number;
  /** Buffer (s) above which the rate is nudged up. */
  nudge: number;
}

export const LIVE_SYNC_LEVELS: readonly LiveSyncLevel[] = [
  { settle: 0.12, nudge: 0.25 },
  { settle: 0.2, nudge: 0.35 },
];

export const CATCH_UP_RATE = 1.2;
/** Dropped frames within the window that move a tile to the safer level. */
export const DROPS_TO_STEP_UP = 5;
export const DROP_WINDOW_MS = 10_000;
/** How long a tile stays at the safer level before trying thin again, at first and at most. */
export const FIRST_HOLD_MS = 60_000;
export const MAX_HOLD_MS = 30 * 60_000;

export class LiveSyncPolicy {
  private levelIndex = 0;
  private holdMs = FIRST_HOLD_MS;
  private raisedAt = 0;
  private loweredAt: number | null = null;
  private lastDropped: number | null = null;
  private drops: number[] = [];

  get level(): LiveSyncLevel {
    return LIVE_SYNC_LEVELS[this.levelIndex]!;
  }

  get safer(): boolean {
    return this.levelIndex > 0;
  }

  /** The rate for a buffer of `ahead` seconds, given the rate the video plays at now. */
  rate(ahead: number, current: number): number {
    const { settle, nudge } = this.level;
    if (ahead > nudge) return CATCH_UP_RATE;
    if (ahead > settle) return current;
    return 1;
  }

  /** Each watchdog tick: the video's dropped-frame count so far (it may restart at 0). */
  tick(droppedTotal: number, now: number): void {
    const last = this.lastDropped;
    this.lastDropped = droppedTotal;
    const fresh = last === null || droppedTotal < last ? 0 : droppedTotal - last;
    for (let i = 0; i < fresh; i++) this.drops.push(now);
    this.drops = this.drops.filter((at) => now - at < DROP_WINDOW_MS);
    if (!this.safer) {
      if (this.drops.length < DROPS_TO_STEP_UP) return;
      // Falling back soon after trying thin again: the conditions have not changed; wait longer.
      if (this.loweredAt !== null && now - this.loweredAt < this.holdMs) {
        this.holdMs = Math.min(this.holdMs * 2, MAX_HOLD_MS);
      }
      this.levelIndex = 1;
      this.raisedAt = now;
      this.drops = [];
      return;
    }
    if (now - this.raisedAt >= this.holdMs && this.drops.length === 0) {
      this.levelIndex = 0;
      this.loweredAt = now;
    }
  }
}
