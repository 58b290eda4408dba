// Turns RTP packets into access units (all NAL units of one picture), for H.264 (RFC 6184)
// and H.265 (RFC 7798). An access unit ends on the marker bit or when the timestamp
// changes. After a lost packet (a sequence gap) pictures are dropped until the next
// keyframe, because a decoder fed a broken reference shows smeared garbage until then.
// The payload may be a view of a socket read buffer that is reused for the next read, so
// whatever is kept past one push is copied: fragmented NAL units as they are reassembled
// (see ../../codecs/rtp-nal-units.ts), whole ones when they are kept for the access unit.
// With `reuse`, for a caller that consumes each access unit before the next push, kept NAL
// units go into one reused buffer (nal-arena.ts) and the reassembly buffer is reused too, so
// the steady state allocates no buffers at all.
import { unpackH264 } from '../../codecs/h264/rtp-payload';
import { unpackH265 } from '../../codecs/h265/rtp-payload';
import { isKeyframeNal, type VideoCodecName } from '../../codecs/nal-units';
import type { Fragment } from '../../codecs/rtp-nal-units';
import { NalArena } from './nal-arena';

export interface AccessUnit {
  /** RTP timestamp (unsigned 32-bit). */
  timestamp: number;
  nalus: Uint8Array[];
  keyframe: boolean;
}

/** A picture larger than this is corruption (a 4K IDR is a few MiB). */
export const MAX_ACCESS_UNIT_BYTES = 8 * 1024 * 1024;
const MAX_NALUS_PER_AU = 1024;

export class RtpDepacketizer {
  private lastSeq: number | undefined;
  private au: Uint8Array[] = [];
  private auBytes = 0;
  private auTimestamp = 0;
  private auBroken = false;
  private waitForKeyframe = true;
  private fragment: Fragment | undefined;
  /** Packets lost so far (sequence gaps), for logs. */
  lostPackets = 0;
  /** With reuse: where kept NAL units go, and a finished fragment's buffer to reassemble in. */
  private readonly arena: NalArena | null;
  private spare: Uint8Array | undefined;

  /**
   * `reuse`: the access units a push returns are views of memory the next push may rewrite
   * (the caller copies what it keeps); without it they own their memory.
   */
  constructor(
    private readonly codec: VideoCodecName,
    options: { reuse?: boolean } = {},
  ) {
    this.arena = options.reuse ? new NalArena() : null;
  }

  /** Feeds one RTP packet's fields; returns the access units it completes. */
  push(sequence: number, timestamp: number, marker: boolean, payload: Uint8Array): AccessUnit[] {
    const out: AccessUnit[] = [];
    // Every access unit returned before has been consumed; one in progress is still needed.
    if (this.au.length === 0) this.arena?.reset();
    if (this.lastSeq !== undefined) {
      const expected = (this.lastSeq + 1) & 0xffff;
      if (sequence !== expected) {
        const gap = (sequence - expected) & 0xffff;
        this.lostPackets += gap < 0x8000 ? gap : 1;
        this.auBroken = true;
        this.waitForKeyframe = true;
        this.fragment = undefined;
      }
    }
    this.lastSeq = sequence;
    if (this.au.length > 0 && timestamp !== this.auTimestamp) this.flush(out);
    if (this.au.length === 0) this.auTimestamp = timestamp;

    const spare = this.arena ? this.spare : undefined;
    const result =
      this.codec === 'h264'
        ? unpackH264(payload, this.fragment, spare)
        : unpackH265(payload, this.fragment, spare);
    // A fragment that ended was copied out below: its buffer can take the next one.
    if (this.fragment && !result.fragment) this.spare = this.fragment.buf;
    this.fragment = result.fragment;
    for (const nal of result.nalus) {
      if (this.au.length >= MAX_NALUS_PER_AU || this.auBytes + nal.length > MAX_ACCESS_UNIT_BYTES) {
        this.auBroken = true;
        this.waitForKeyframe = true;
        continue;
      }
      // A NAL unit that is a view of the payload is copied; a reassembled one is already ours
      // (unless its buffer is to be reused).
      if (this.arena) this.au.push(this.arena.keep(nal));
      else this.au.push(nal.buffer === payload.buffer ? nal.slice() : nal);
      this.auBytes += nal.length;
    }
    if (marker) this.flush(out);
    return out;
  }

  private flush(out: AccessUnit[]): void {
    const nalus = this.au;
    const broken = this.auBroken;
    this.au = [];
    this.auBytes = 0;
    this.auBroken = false;
    if (nalus.length === 0 || broken) return;
    const keyframe = nalus.some((n) => isKeyframeNal(this.codec, n));
    if (this.waitForKeyframe && !keyframe) return;
    this.waitForKeyframe = false;
    out.push({ timestamp: this.auTimestamp, nalus, keyframe });
  }
}
