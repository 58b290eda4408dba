// 90 kHz, 33-bit MPEG timestamps to milliseconds. PTS/DTS wrap every 26.5 hours, and a camera
// that has run that long wraps mid-stream, so each value is read relative to the last one.

const WRAP = 2 ** 33;
const HALF = 2 ** 32;
/** A step larger than this (either way) is a restart of the encoder or a splice, not time. */
const MAX_STEP_TICKS = 10 * 90_000;
/** Where a discontinuity lands: one 25 fps frame after the last timestamp. */
const BRIDGE_TICKS = 40 * 90;

/** a − b for 33-bit values, as the shortest signed distance around the wrap. */
export function diff33(a: number, b: number): number {
  let d = (a - b) % WRAP;
  if (d < 0) d += WRAP;
  return d >= HALF ? d - WRAP : d;
}

export class TsClock {
  private last: number | undefined;
  private extended = 0;
  private lastMs = 0;

  /**
   * Milliseconds since the first value. Never decreasing, since FLV tags go in decode order
   * and a player stalls when time runs backwards; a jump is bridged rather than passed on.
   */
  toMs(timestamp: number): number {
    if (this.last === undefined) {
      this.last = timestamp;
      return 0;
    }
    const step = diff33(timestamp, this.last);
    this.last = timestamp;
    this.extended =
      Math.abs(step) > MAX_STEP_TICKS ? this.lastMs * 90 + BRIDGE_TICKS : this.extended + step;
    const ms = Math.round(this.extended / 90);
    if (ms > this.lastMs) this.lastMs = ms;
    return this.lastMs;
  }
}
