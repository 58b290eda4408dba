// Where the depacketiser keeps the NAL units of the pictures it hands out, when its caller
// consumes each picture before the next packet (the RTSP source: the muxer copies the NAL
// units into the FLV tag at once). One buffer, rewritten from its start whenever no picture is
// in progress, instead of a fresh allocation for every NAL unit: the bytes of a stream are
// written once here, never allocated per packet.

/** Room for a few pictures of a sub stream; a keyframe that needs more grows it. */
const START_BYTES = 64 * 1024;

export class NalArena {
  private buf = new Uint8Array(START_BYTES);
  private used = 0;

  /**
   * Forgets everything kept so far: call only when no view of it is in use (before a packet,
   * with no picture in progress).
   */
  reset(): void {
    this.used = 0;
  }

  /** A copy of `nal` that stays intact until reset(). */
  keep(nal: Uint8Array): Uint8Array {
    const n = nal.length;
    if (this.used + n > this.buf.length) {
      // Views into the old buffer (a picture in progress) keep it alive; new bytes go to a
      // larger one, which later pictures reuse.
      this.buf = new Uint8Array(Math.max(2 * this.buf.length, 2 * n));
      this.used = 0;
    }
    const out = this.buf.subarray(this.used, this.used + n);
    out.set(nal);
    this.used += n;
    return out;
  }
}
