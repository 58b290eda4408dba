// Which arriving access unit a WebCodecs tile decodes. Pure, so the rule that keeps latency
// from building is unit-tested: decoding starts at a keyframe once the decoder is configured;
// a decoder whose queue has grown past MAX_DECODE_QUEUE gets nothing more until the next
// keyframe (the picture holds for up to a GOP instead of running ever later); a paused
// (hidden) tile decodes nothing and resumes at a keyframe.

/** Frames waiting in the decoder (decodeQueueSize) beyond which the tile drops to a keyframe. */
export const MAX_DECODE_QUEUE = 4;

export type Admission = 'decode' | 'drop';

export class FeedGate {
  private ready = false;
  private needKeyframe = true;
  private paused = false;

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

  admit(keyframe: boolean, decodeQueueSize: number): Admission {
    if (!this.ready || this.paused) return 'drop';
    if (decodeQueueSize > MAX_DECODE_QUEUE) {
      this.needKeyframe = true;
      return 'drop';
    }
    if (this.needKeyframe && !keyframe) return 'drop';
    this.needKeyframe = false;
    return 'decode';
  }
}
