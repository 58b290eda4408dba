// Which arriving access unit a WebCodecs tile decodes. Pure, so the rule that keeps latency
// from building is unit-tested. Decoding starts at a keyframe once the decoder is configured;
// a paused (hidden) tile decodes nothing and resumes at a keyframe.
//
// Dropping to the next keyframe costs up to a whole GOP of pictures (2 s on our cameras), so it
// is kept for a backlog the decoder is not working off. Frames often arrive several at once (a
// socket read holding a few, a camera's jittery sender, a network pause followed by its
// catch-up); the decoder's queue jumps and then drains, which costs nothing. What matters is how
// far the painted picture is behind the newest frame, in the stream's own timestamps:
// - over LATENCY_BUDGET_MS for SUSTAINED_OUTPUTS decoded frames in a row without shrinking:
//   the decoder cannot keep up, drop to the next keyframe;
// - over STALL_LIMIT_MS however it got there (a decoder that stopped giving pictures out):
//   drop at once; the watchdog takes care of a decoder that stays stuck.

/** How far (ms of stream time) the painted picture may lag the newest frame for long. */
export const LATENCY_BUDGET_MS = 500;
/** Decoded frames in a row over the budget, with the lag not shrinking, that make a backlog. */
export const SUSTAINED_OUTPUTS = 8;
/** A lag that drops to a keyframe at once. */
export const STALL_LIMIT_MS = 4 * LATENCY_BUDGET_MS;

export type Admission = 'decode' | 'drop';

export class FeedGate {
  private ready = false;
  private needKeyframe = true;
  private paused = false;
  /** Timestamp (ms) of the keyframe decoding (re)started at: the reference before a paint. */
  private startPts = 0;
  private newestPts = 0;
  private paintedPts: number | null = null;
  /** Decoded frames in a row whose lag was over the budget, and the lag at the first of them. */
  private overOutputs = 0;
  private firstOverLag = 0;
  private lastLag = 0;

  /** The decoder was configured for the stream's current codec. */
  configured(): void {
    this.ready = true;
    this.needKeyframe = true;
  }

  /** A new configuration is being checked: nothing decodes until it is configured. */
  unconfigure(): void {
    this.ready = false;
    this.needKeyframe = true;
  }

  setPaused(on: boolean): void {
    this.paused = on;
    if (on) this.needKeyframe = true;
  }

  waitForKeyframe(): void {
    this.needKeyframe = true;
  }

  /** Whether the frame with this presentation timestamp (ms) goes to the decoder. */
  admit(keyframe: boolean, pts: number): Admission {
    if (!this.ready || this.paused) return 'drop';
    if (this.needKeyframe) {
      if (!keyframe) return 'drop';
      this.restartAt(pts);
      return 'decode';
    }
    // Timestamps jumping far back: the camera's stream restarted; measure from here.
    if (pts < this.newestPts - STALL_LIMIT_MS) this.restartAt(pts);
    if (this.backlogged(pts)) {
      this.needKeyframe = true;
      return 'drop';
    }
    this.newestPts = Math.max(this.newestPts, pts);
    return 'decode';
  }

  /** The decoder gave out (and the tile painted) the frame with this timestamp (ms). */
  painted(pts: number): void {
    // A frame queued before a restart at a keyframe says nothing about the new run.
    if (this.paintedPts === null && pts < this.startPts) return;
    this.paintedPts = pts;
    const lag = this.newestPts - pts;
    this.lastLag = lag;
    if (lag <= LATENCY_BUDGET_MS) {
      this.overOutputs = 0;
      return;
    }
    if (this.overOutputs === 0) this.firstOverLag = lag;
    this.overOutputs += 1;
  }

  private backlogged(pts: number): boolean {
    const lag = pts - (this.paintedPts ?? this.startPts);
    if (lag > STALL_LIMIT_MS) return true;
    // Still over budget after SUSTAINED_OUTPUTS pictures and not catching up: a real backlog.
    return (
      lag > LATENCY_BUDGET_MS &&
      this.overOutputs >= SUSTAINED_OUTPUTS &&
      this.lastLag >= this.firstOverLag
    );
  }

  private restartAt(pts: number): void {
    this.needKeyframe = false;
    this.startPts = pts;
    this.newestPts = pts;
    this.paintedPts = null;
    this.overOutputs = 0;
    this.firstOverLag = 0;
    this.lastLag = 0;
  }
}
