// A session's viewers and what they are sent: each starts at a keyframe (from the GOP cache
// when one is there), timestamps stay continuous across upstream reconnects, and a congested
// viewer skips to the next keyframe. Connection lifecycle and states are the session's.
import type { VideoCodec } from '../../contract/wall-contract';
import { FLV_TAG_SCRIPT, FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';
import { GopCache } from './gop-cache';
import { ReplayBuffer, type ReplayClip, type ReplayLimits } from './replay-buffer';
import { StreamViewer, type ViewerSink } from './stream-viewer';
import { TimestampRebaser } from './timestamp-rebaser';

/** What a delivered tag was, for the session's states. */
export type Delivered = { kind: 'frame' } | { kind: 'config'; codec: VideoCodec | null } | null;

export class StreamFanout {
  private readonly viewers = new Set<StreamViewer>();
  private readonly cache = new GopCache();
  private readonly rebaser = new TimestampRebaser();
  private readonly replay: ReplayBuffer;
  /** Viewers that are tiles on screen; the replay buffer is kept only while there is one. */
  private tiles = 0;

  constructor(replayLimits: ReplayLimits = { maxMs: 0, maxBytes: 0 }) {
    this.replay = new ReplayBuffer(replayLimits);
  }

  get size(): number {
    return this.viewers.size;
  }

  /** Bytes the replay buffer holds now. */
  get replayBytes(): number {
    return this.replay.byteCount;
  }

  /** About the last `seconds` of what tiles showed, from a keyframe; null when nothing is held. */
  replayClip(seconds: number): ReplayClip | null {
    return this.replay.clip(seconds);
  }

  add(sink: ViewerSink): StreamViewer {
    const viewer = new StreamViewer(sink);
    this.viewers.add(viewer);
    const start = this.cache.startTags();
    if (sink.tile && this.tiles++ === 0) {
      // The first tile: buffering starts with the GOP already cached.
      for (const tag of start) this.replay.add(tag, tag.receivedAt ?? Date.now());
    }
    if (start.length > 0) {
      viewer.sendTags(start);
      viewer.waitingForKeyframe = false;
    }
    return viewer;
  }

  /** False when the viewer was not (or no longer) attached. */
  remove(viewer: StreamViewer): boolean {
    if (!this.viewers.delete(viewer)) return false;
    // The last tile left: no one can ask for a replay of what nobody shows.
    if (viewer.sink.tile && --this.tiles === 0) this.replay.clear();
    return true;
  }

  /**
   * A new upstream connection begins. It may start mid-GOP (RTSP, a gateway without a GOP
   * cache): its inter frames reference pictures no viewer has, so everyone resumes at its
   * first keyframe, and its timestamps continue the last ones sent.
   */
  newConnection(): void {
    this.rebaser.newConnection();
    this.cache.dropGop();
    this.replay.breakGop();
    for (const viewer of this.viewers) viewer.waitingForKeyframe = true;
  }

  /** The upstream is gone: a viewer joining now must not get the last GOP as if it were live. */
  dropGop(): void {
    this.cache.dropGop();
  }

  clear(): void {
    this.cache.clear();
    this.replay.clear();
  }

  closeAll(reason: string): void {
    for (const viewer of this.viewers) viewer.sink.close(reason);
    this.viewers.clear();
    this.tiles = 0;
    this.replay.clear();
  }

  /** Fans one upstream tag out; audio is dropped (the wall is silent). */
  deliver(input: FlvTag, receivedAt = Date.now()): Delivered {
    if (input.type !== FLV_TAG_VIDEO && input.type !== FLV_TAG_SCRIPT) return null;
    const tag: FlvTag = {
      type: input.type,
      timestamp: this.rebaser.map(input.timestamp),
      data: input.data,
      receivedAt,
    };
    // Read once here for the cache, the replay buffer and the viewers.
    const info = tag.type === FLV_TAG_VIDEO ? videoTagInfo(tag.data) : undefined;
    this.cache.add(tag, info);
    if (this.tiles > 0) this.replay.add(tag, receivedAt, info);
    if (!info) {
      this.sendToStarted(tag);
      return null;
    }
    if (info.sequenceHeader) {
      this.sendToStarted(tag);
      return { kind: 'config', codec: info.codec === 'other' ? null : info.codec };
    }
    for (const viewer of this.viewers) viewer.deliverFrame(tag, info.keyframe, this.cache);
    return { kind: 'frame' };
  }

  private sendToStarted(tag: FlvTag): void {
    for (const viewer of this.viewers) if (!viewer.waitingForKeyframe) viewer.sendTags([tag]);
  }
}
