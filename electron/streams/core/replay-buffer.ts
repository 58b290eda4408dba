// The last minute of a stream, as received, for instant replay (nothing is written to disk).
// It always starts at a keyframe, so any replay it serves decodes from its first picture, and
// each frame keeps the wall-clock time main received it, so a replayed frame can say when it
// was live. Bounded twice: by time (it drops a whole GOP only once the GOP after it still
// reaches back far enough) and by bytes (a hard cap, whole GOPs dropped until it holds).
import {
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
  type VideoTagInfo,
} from '../flv/flv-tag';

export interface ReplayLimits {
  /** How far back a replay may reach; 0 keeps nothing. */
  maxMs: number;
  /** The most this buffer may hold, in bytes of tag bodies. */
  maxBytes: number;
}

/** What one replay plays: script and configuration, then frames from a keyframe. */
export interface ReplayClip {
  tags: FlvTag[];
  /** Session timestamp of the first picture (a keyframe) and when it was received. */
  startTimestamp: number;
  startReceivedAt: number;
}

/**
 * A keyframe and the frames after it, up to the next keyframe. Held as parallel arrays, not
 * an object per frame: a minute of 16 streams is 24,000 frames, every one of which would live
 * long enough to be promoted and traced by each full collection.
 */
interface Gop {
  tags: FlvTag[];
  /** When main received each frame (epoch ms). */
  receivedAt: number[];
  /** The decoder configuration each frame needs (the one in effect when it arrived). */
  configs: FlvTag[];
  bytes: number;
}

export class ReplayBuffer {
  /** Oldest first; dropped from the front in whole GOPs (a handful per minute, so shift is cheap). */
  private gops: Gop[] = [];
  private bytes = 0;
  private script: FlvTag | null = null;
  private config: FlvTag | null = null;
  /** Whether the next inter frame may follow the last one held (same connection, same GOP). */
  private open = false;

  constructor(private readonly limits: ReplayLimits) {}

  get byteCount(): number {
    return this.bytes;
  }

  /** Milliseconds of video held, first frame to last. */
  get spanMs(): number {
    const first = this.gops[0]?.tags[0];
    const last = this.newest();
    return first && last ? last.timestamp - first.timestamp : 0;
  }

  /** `info`: the video tag's, when the caller has read it already. */
  add(tag: FlvTag, receivedAt: number, info?: VideoTagInfo): void {
    if (this.limits.maxMs <= 0 || this.limits.maxBytes <= 0) return;
    if (tag.type === FLV_TAG_SCRIPT) {
      this.script = tag;
      return;
    }
    if (tag.type !== FLV_TAG_VIDEO) return;
    info ??= videoTagInfo(tag.data);
    if (info.sequenceHeader) {
      this.config = tag;
      return;
    }
    // A frame before the first keyframe (or before any configuration) cannot be decoded.
    if (!this.config || (!info.keyframe && !this.open)) return;
    if (info.keyframe) this.gops.push({ tags: [], receivedAt: [], configs: [], bytes: 0 });
    this.open = true;
    const gop = this.gops[this.gops.length - 1]!;
    gop.tags.push(tag);
    gop.receivedAt.push(receivedAt);
    gop.configs.push(this.config);
    gop.bytes += tag.data.length;
    this.bytes += tag.data.length;
    this.evict(tag.timestamp);
  }

  /**
   * A clip of about the last `seconds`: from the latest keyframe at or before that point (or
   * the oldest keyframe held, when the buffer does not reach so far back) to the newest frame.
   */
  clip(seconds: number): ReplayClip | null {
    const newest = this.newest();
    if (!newest) return null;
    const target = newest.timestamp - seconds * 1_000;
    let start = 0;
    for (let i = this.gops.length - 1; i > 0; i--) {
      if (this.gops[i]!.tags[0]!.timestamp <= target) {
        start = i;
        break;
      }
    }
    const first = this.gops[start]!;
    const tags: FlvTag[] = this.script ? [this.script] : [];
    let config: FlvTag | null = null;
    for (const gop of this.gops.slice(start)) {
      gop.tags.forEach((tag, k) => {
        // A configuration change inside the clip goes in before the first frame that needs it.
        if (gop.configs[k] !== config) tags.push((config = gop.configs[k]!));
        tags.push({ ...tag, receivedAt: gop.receivedAt[k]! });
      });
    }
    return {
      tags,
      startTimestamp: first.tags[0]!.timestamp,
      startReceivedAt: first.receivedAt[0]!,
    };
  }

  /**
   * A new upstream connection: its frames until its first keyframe reference pictures from
   * before, so they are not kept. What the buffer holds stays replayable.
   */
  breakGop(): void {
    this.open = false;
  }

  /** Frees everything (the last tile left, the session closed). */
  clear(): void {
    this.gops = [];
    this.bytes = 0;
    this.script = null;
    this.config = null;
    this.open = false;
  }

  private newest(): FlvTag | undefined {
    const gop = this.gops[this.gops.length - 1];
    return gop?.tags[gop.tags.length - 1];
  }

  private evict(newest: number): void {
    const oldestNeeded = newest - this.limits.maxMs;
    while (this.gops.length > 0) {
      const second = this.gops[1]?.tags[0];
      // Time: the first GOP goes once the next one alone still reaches back maxMs.
      const overTime = second !== undefined && second.timestamp <= oldestNeeded;
      if (!overTime && this.bytes <= this.limits.maxBytes) return;
      this.bytes -= this.gops.shift()!.bytes;
      // The GOP being filled went: its remaining frames have nothing to follow.
      if (this.gops.length === 0) this.open = false;
    }
  }
}
