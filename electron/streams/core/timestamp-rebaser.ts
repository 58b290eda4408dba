// Keeps the timestamps a viewer sees continuous and increasing across upstream reconnects
// and loops. A player (MSE) that sees time jump backwards or leap forwards stalls on a
// buffered-range gap; one that sees continuous time simply resumes when frames return.

/** A jump larger than this within one connection is treated as a discontinuity. */
const MAX_JUMP_MS = 5_000;
/** Assumed frame interval when bridging a discontinuity (25 fps). */
const BRIDGE_MS = 40;

export class TimestampRebaser {
  private offset = 0;
  private lastIn: number | null = null;
  private lastOut: number | null = null;

  /** Call when a new upstream connection begins: its first tag follows the last one sent. */
  newConnection(): void {
    this.lastIn = null;
  }

  map(timestamp: number): number {
    if (this.lastIn === null || this.lastOut === null) {
      this.offset = this.lastOut === null ? -timestamp : this.lastOut + BRIDGE_MS - timestamp;
    } else {
      const delta = timestamp - this.lastIn;
      if (delta < 0 || delta > MAX_JUMP_MS) {
        this.offset = this.lastOut + BRIDGE_MS - timestamp;
      }
    }
    this.lastIn = timestamp;
    const out = Math.max(this.lastOut ?? 0, timestamp + this.offset);
    this.lastOut = out;
    return out;
  }
}
