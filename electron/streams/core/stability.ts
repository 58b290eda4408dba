// Whether a stream keeps ending. A server that closes after a few seconds, over and over,
// gives the tile a few seconds of picture between freezes: "Live" would be a lie, and
// "signal lost" flickers on and off. Such a stream is 'unstable' until it has played without
// a break for STEADY_VIDEO_MS. Pure: the clock is the caller's.
import { STEADY_VIDEO_MS } from './retry-policy';

/** This many short plays ending within UNSTABLE_WINDOW_MS make a stream unstable. */
export const UNSTABLE_ENDS = 3;
export const UNSTABLE_WINDOW_MS = 2 * 60_000;
/** A connection that played at least this long before it ended does not count as short. */
export const SHORT_PLAY_MS = 60_000;

export class StabilityTracker {
  private ends: number[] = [];
  private flagged = false;

  get unstable(): boolean {
    return this.flagged;
  }

  /** A connection that had delivered video ended at `now` after `playedMs` of it. */
  ended(now: number, playedMs: number): void {
    if (playedMs >= SHORT_PLAY_MS) return;
    this.ends = this.ends.filter((at) => now - at < UNSTABLE_WINDOW_MS);
    this.ends.push(now);
    if (this.ends.length >= UNSTABLE_ENDS) this.flagged = true;
  }

  /** Video has played without a break for `playedMs` on the current connection. */
  playing(playedMs: number): void {
    if (playedMs < STEADY_VIDEO_MS) return;
    this.flagged = false;
    this.ends = [];
  }
}
