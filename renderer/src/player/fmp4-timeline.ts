// Where each access unit goes on the MP4 track's timeline, and for how long it shows, when it is
// written the moment it arrives (holding each frame back until the next gives its true duration
// would add a frame of latency to every tile; mpegts.js does that).
//
// A frame's duration is therefore the gap before it, a guess at the gap after it. MSE has one
// rule that makes a wrong guess costly (Media Source Extensions, coded frame processing: a
// decode time going backwards, or more than twice the last frame's duration ahead, is a
// discontinuity, after which everything up to the next keyframe is dropped). So a frame that
// would break that rule (a camera that skipped frames, froze, or restarted its clock) is placed
// right after the previous one instead, and every later frame keeps the same shift: a frozen
// second costs the tile nothing but the second itself, and no frame is dropped for it.

/** The first frame's guess, before any gap is known: 25 frames a second. */
const FIRST_DURATION_MS = 40;
/** A gap longer than this is not a frame rate (a frozen camera): never used as a duration. */
const LONGEST_DURATION_MS = 1_000;
/** How much longer than the last one a duration may be guessed after a correction. */
const GROWTH_AT_A_CORRECTION = 4;

export interface PlacedFrame {
  /** Decode time on the track (ms, from 0 at the first frame). */
  dts: number;
  compositionOffset: number;
  duration: number;
}

export class FragmentTimeline {
  /** Added to the stream's dts: minus the first frame's, plus every correction since. */
  private shift: number | null = null;
  private lastDts = 0;
  private lastDuration = FIRST_DURATION_MS;
  /** The newest frame's guessed duration (ms): how far the buffered end runs past its start. */
  get lastFrameDuration(): number {
    return this.lastDuration;
  }

  /** Frames placed after the previous one instead of at their own time (for logs, tests). */
  corrections = 0;

  place(streamDts: number, streamPts: number): PlacedFrame {
    const compositionOffset = streamPts - streamDts;
    if (this.shift === null) {
      this.shift = -streamDts;
      this.lastDts = 0;
      return { dts: 0, compositionOffset, duration: this.lastDuration };
    }
    let dts = streamDts + this.shift;
    const gap = dts - this.lastDts;
    if (gap <= 0 || gap > 2 * this.lastDuration) {
      // Would be a discontinuity: follow on from the previous frame.
      this.shift += this.lastDts + this.lastDuration - dts;
      dts = this.lastDts + this.lastDuration;
      this.corrections += 1;
      // A slower frame rate (25 → 10 a second) is learnt at once; a freeze's gap only up to a
      // few frames, or the frame after it would claim a long stretch of buffer it does not fill.
      if (gap > 0) this.lastDuration = Math.min(gap, GROWTH_AT_A_CORRECTION * this.lastDuration);
    } else {
      this.lastDuration = gap;
    }
    this.lastDuration = Math.min(this.lastDuration, LONGEST_DURATION_MS);
    this.lastDts = dts;
    return { dts, compositionOffset, duration: this.lastDuration };
  }
}
