// Keeps what a new viewer needs to start at once: the script (metadata) tag, the current
// video decoder configuration, and the frames since the last keyframe. A viewer that joins
// gets these and decodes its first picture immediately instead of waiting for the next
// keyframe (up to a GOP, often 2–4 s on cameras).
import {
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
  type VideoTagInfo,
} from '../flv/flv-tag';

/** A GOP longer than this is not cached (a camera with a 10 s GOP at high rate). */
const MAX_GOP_TAGS = 1_500;
const MAX_GOP_BYTES = 24 * 1024 * 1024;

export class GopCache {
  private script: FlvTag | null = null;
  private videoConfig: FlvTag | null = null;
  private gop: FlvTag[] = [];
  private gopBytes = 0;
  private overflowed = false;

  /**
   * Records a tag on its way out; audio is not cached (the wall is silent). `info`: the
   * video tag's, when the caller has read it already.
   */
  add(tag: FlvTag, info?: VideoTagInfo): void {
    if (tag.type === FLV_TAG_SCRIPT) {
      this.script = tag;
      return;
    }
    if (tag.type !== FLV_TAG_VIDEO) return;
    info ??= videoTagInfo(tag.data);
    if (info.sequenceHeader) {
      this.videoConfig = tag;
      // Frames from before a configuration change cannot be decoded with the new one.
      this.resetGop();
      return;
    }
    if (info.keyframe) {
      this.resetGop();
      this.overflowed = false;
    }
    if (this.overflowed || (this.gop.length === 0 && !info.keyframe)) return;
    this.gop.push(tag);
    this.gopBytes += tag.data.length;
    if (this.gop.length > MAX_GOP_TAGS || this.gopBytes > MAX_GOP_BYTES) {
      this.resetGop();
      this.overflowed = true;
    }
  }

  /** Tags for a new viewer, in order; empty until a configuration and a keyframe exist. */
  startTags(): FlvTag[] {
    if (!this.videoConfig || this.gop.length === 0) return [];
    const tags: FlvTag[] = [];
    if (this.script) tags.push(this.script);
    tags.push(this.videoConfig, ...this.gop);
    return tags;
  }

  get hasConfig(): boolean {
    return this.videoConfig !== null;
  }

  get configTag(): FlvTag | null {
    return this.videoConfig;
  }

  get scriptTag(): FlvTag | null {
    return this.script;
  }

  /**
   * Forgets the frames but keeps script and configuration: a new upstream connection's frames
   * cannot follow the old connection's GOP (they reference pictures a viewer never got).
   */
  dropGop(): void {
    this.resetGop();
    this.overflowed = false;
  }

  clear(): void {
    this.script = null;
    this.videoConfig = null;
    this.resetGop();
  }

  private resetGop(): void {
    this.gop = [];
    this.gopBytes = 0;
  }
}
