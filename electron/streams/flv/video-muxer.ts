// Access units → FLV tags. Parameter sets seen in-band override the SDP's (cameras change
// resolution without renegotiating, and some SDPs are stale or empty); whenever they change a
// new sequence header is emitted before the next keyframe. Pictures before the first usable
// sequence header are dropped, since no decoder could use them. Each parameter set goes into
// the record once, however often the SDP and the stream repeat it. Nothing of a picture is
// kept past push() but copies (the RTSP depacketiser reuses its memory for the next one), and
// frame bodies are carved from the muxer's own slab: the GOP cache and replay buffer hold
// them in order and let go of them in order, so a slab is freed soon after its last frame.
import { avcDecoderConfigurationRecord } from '../codecs/h264/configuration-record';
import { readH264Sps } from '../codecs/h264/sps';
import { hevcDecoderConfigurationRecord } from '../codecs/h265/configuration-record';
import { readHevcSps } from '../codecs/h265/sps';
import { bytesEqual, nalKind, type VideoCodecName } from '../codecs/nal-units';
import { ByteSlab } from '../bytes/byte-slab';
import { avcFrameTag, avcSequenceHeaderTag } from './avc-tags';
import type { FlvTag } from './flv-tag';
import { hevcFrameTag, hevcSequenceHeaderTag } from './hevc-tags';

/** One picture's NAL units, in decoding order (an RTP access unit, a TS PES packet). */
export interface Picture {
  nalus: readonly Uint8Array[];
  keyframe: boolean;
}

export interface ParameterSets {
  vps: Uint8Array[];
  sps: Uint8Array[];
  pps: Uint8Array[];
}

export class FlvVideoMuxer {
  private sets: ParameterSets;
  private sentRecord: Uint8Array | undefined;
  /** The record of the current sets, rebuilt only when a set changes (not per picture). */
  private record: Uint8Array | undefined;
  private recordStale = true;
  /** Picture size from the current SPS, for logs. */
  size: { width: number; height: number } | undefined;
  private readonly slab = new ByteSlab();
  private readonly alloc = (size: number) => this.slab.take(size);

  constructor(
    private readonly codec: VideoCodecName,
    initial: ParameterSets,
  ) {
    this.sets = { vps: unique(initial.vps), sps: unique(initial.sps), pps: unique(initial.pps) };
  }

  /**
   * Returns the tags for one picture (maybe a new sequence header, then the frame).
   * `compositionMs` is PTS - DTS, non-zero only with B-frames.
   */
  push(au: Picture, timestampMs: number, compositionMs = 0): FlvTag[] {
    const frame: Uint8Array[] = [];
    let seen: ParameterSets | undefined;
    for (const nal of au.nalus) {
      const kind = nalKind(this.codec, nal);
      if (kind === 'aud') continue;
      // Each set once: a camera that repeats them in-band (GStreamer's config-interval with an
      // encoder that already sends them) must not double them in the record.
      if (kind) {
        seen ??= { vps: [], sps: [], pps: [] };
        if (!seen[kind].some((kept) => bytesEqual(kept, nal))) seen[kind].push(nal);
      } else frame.push(nal);
    }
    for (const key of ['vps', 'sps', 'pps'] as const) {
      if (seen && seen[key].length > 0 && !sameSets(seen[key], this.sets[key])) {
        // Copies: the picture's memory may be reused once push() returns.
        this.sets[key] = seen[key].map((nal) => nal.slice());
        this.recordStale = true;
      }
    }
    const tags: FlvTag[] = [];
    if (this.recordStale) {
      this.record = this.buildRecord();
      this.recordStale = false;
    }
    const record = this.record;
    if (record && au.keyframe && !bytesEqual(record, this.sentRecord)) {
      this.sentRecord = record;
      this.updateSize(this.sets.sps[0]!);
      tags.push(
        this.codec === 'h264'
          ? avcSequenceHeaderTag(record, timestampMs)
          : hevcSequenceHeaderTag(record, timestampMs),
      );
    }
    if (!this.sentRecord || frame.length === 0) return tags;
    tags.push(
      this.codec === 'h264'
        ? avcFrameTag(frame, au.keyframe, timestampMs, compositionMs, this.alloc)
        : hevcFrameTag(frame, au.keyframe, timestampMs, compositionMs, this.alloc),
    );
    return tags;
  }

  private buildRecord(): Uint8Array | undefined {
    return this.codec === 'h264'
      ? avcDecoderConfigurationRecord(this.sets.sps, this.sets.pps)
      : hevcDecoderConfigurationRecord(this.sets.vps, this.sets.sps, this.sets.pps);
  }

  /** `sps`: the first of the record just built (a record is only built with one). */
  private updateSize(sps: Uint8Array): void {
    const info = this.codec === 'h264' ? readH264Sps(sps) : readHevcSps(sps);
    if (info?.width && info.height) this.size = { width: info.width, height: info.height };
  }
}

function sameSets(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((nal, i) => bytesEqual(nal, b[i]));
}

/** The NAL units in their first order, each distinct byte sequence once. */
function unique(nalus: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const nal of nalus) if (!out.some((kept) => bytesEqual(kept, nal))) out.push(nal);
  return out;
}
