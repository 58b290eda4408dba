// FLV wants each picture's decode time (the tag timestamp, never decreasing) and its
// presentation time as an offset from it (composition time). RTP carries only presentation
// times: with B-frames they arrive out of order (decode order I0 P3 B1 B2 shows 0, 3, 1, 2).
// Decode times are derived here as the presentation times sorted, which is exact once the
// reorder depth is known: after the first pictures, the k-th picture decodes when the k-th
// earliest presentation time is due. Until the depth shows itself the decode clock cannot go
// back, so every presentation time is shifted by a fixed lead: the composition time then
// stays positive through the first reordered pictures (a negative one breaks players).
// The lead delays nothing: players present by presentation time, and only the order of
// decoding depends on the decode times.

/** Enough for three reordered pictures at 15 fps, x264's b-pyramid included. */
export const REORDER_LEAD_MS = 200;
/** A jump larger than this (camera reboot, timestamp reset) starts the derivation afresh. */
const DISCONTINUITY_MS = 10_000;
/** Deeper reordering than any encoder uses is a broken stream, not a reason to grow. */
const MAX_DEPTH = 8;

/**
 * The lead a track needs: none for H.264 Baseline (profile_idc 66, the SPS's second byte),
 * which has no B-frames; any other profile, or an SDP without an SPS, may reorder.
 */
export function leadFor(codec: 'h264' | 'h265', sps: readonly Uint8Array[]): number {
  return codec === 'h264' && sps[0]?.[1] === 66 ? 0 : REORDER_LEAD_MS;
}

export interface PictureTimes {
  /** Decode time: the FLV tag timestamp. */
  dtsMs: number;
  /** Presentation minus decode time, never negative. */
  compositionMs: number;
}

export class DecodeClock {
  private last: number | undefined;
  private extended = 0;
  /** Presentation times seen and not yet used as a decode time, ascending. */
  private pending: number[] = [];
  /** The last presentation times in decode order, to measure how far pictures move. */
  private recent: number[] = [];
  private depth = 0;
  private lastDts = 0;
  private lastPts: number | undefined;
  private shift = 0;

  /** `leadMs` is 0 for a stream known to have no B-frames (H.264 Baseline). */
  constructor(
    private readonly clockRate: number,
    private readonly leadMs = REORDER_LEAD_MS,
  ) {}

  /** The times of the next picture in decode order, from its RTP timestamp. */
  next(rtpTimestamp: number): PictureTimes {
    let pts = this.presentationMs(rtpTimestamp) + this.shift;
    if (this.lastPts !== undefined && Math.abs(pts - this.lastPts) > DISCONTINUITY_MS) {
      // Continue one frame after the last picture, as if the stream had not jumped.
      this.shift += this.lastDts + 40 - pts;
      pts = this.lastDts + 40;
      this.pending = [];
      this.recent = [];
    }
    this.lastPts = pts;
    // How many earlier pictures show after this one: the reorder depth, at least.
    let later = 0;
    for (const t of this.recent) if (t > pts) later++;
    this.depth = Math.min(MAX_DEPTH, Math.max(this.depth, later));
    this.recent.push(pts);
    if (this.recent.length > 2 * MAX_DEPTH) this.recent.shift();
    this.insert(pts);
    let dts = this.lastDts;
    // The earliest presentation time still owed is when this picture must be decoded; while
    // the depth grows nothing is owed yet and the decode clock stands still.
    while (this.pending.length > this.depth) dts = Math.max(dts, this.pending.shift()!);
    this.lastDts = dts;
    // The lead shifts presentation only: the decode clock starts at 0 like the RTP clock.
    return { dtsMs: dts, compositionMs: Math.max(0, pts + this.leadMs - dts) };
  }

  /** Milliseconds from the first packet, across 32-bit wrap-around, in either direction. */
  private presentationMs(timestamp: number): number {
    if (this.last === undefined) {
      this.last = timestamp >>> 0;
      return 0;
    }
    this.extended += ((timestamp >>> 0) - this.last) | 0;
    this.last = timestamp >>> 0;
    return Math.round((this.extended * 1000) / this.clockRate);
  }

  private insert(pts: number): void {
    let i = this.pending.length;
    while (i > 0 && this.pending[i - 1]! > pts) i--;
    this.pending.splice(i, 0, pts);
  }
}
