// One consumer of a session's FLV stream (a tile's WebSocket on the loopback gateway).
import { encodeFlvHeader, encodeFlvTag } from '../flv/flv-writer';
import { clockMarkTag } from '../flv/clock-mark';
import { FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';
import { accessUnitMessage } from './access-unit-feed';
import type { GopCache } from './gop-cache';

export interface ViewerSink {
  send(bytes: Uint8Array): void;
  /** Bytes accepted by send() that the socket has not written yet. */
  bufferedBytes(): number;
  /** The session ends the viewer (for example the camera was removed from the settings). */
  close(reason: string): void;
  /** A tile on screen (the gateway's viewers): only streams tiles show keep a replay buffer. */
  readonly tile?: boolean;
  /**
   * 'au': one message per access unit (contract/access-unit-wire.ts) for a WebCodecs tile,
   * with no FLV header and no script tags; FLV otherwise.
   */
  readonly format?: 'flv' | 'au';
}

/** A viewer this far behind skips to the next keyframe instead of queueing without bound. */
export const VIEWER_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * A tile's player reads FLV timestamps as signed 32-bit milliseconds, so one timeline lasts
 * 2^31 ms (24.8 days) and a wall runs longer. Each viewer gets a timeline of its own that starts
 * at its first picture, and is renewed well before that limit: the viewer is closed, the tile's
 * player reconnects within seconds and starts a new timeline. Once every 20 days, a few seconds.
 */
/** Clock marks between keyframes: four a second costs a few bytes and settles a burst soon. */
export const CLOCK_MARK_EVERY_MS = 250;

export const VIEWER_TIMELINE_RENEW_MS = 20 * 24 * 3_600_000;

export class StreamViewer {
  /** True until the viewer has been given a decoder configuration and a keyframe. */
  waitingForKeyframe = true;
  framesSkipped = 0;
  /** Session time of this viewer's first picture: its own timeline's zero. */
  private base: number | null = null;
  private renewed = false;
  /** Timeline time of the last clock mark sent. */
  private lastMark = -Infinity;

  private readonly accessUnits: boolean;

  constructor(readonly sink: ViewerSink) {
    this.accessUnits = sink.format === 'au';
    // The wall is silent: the header announces video only, and audio tags are never sent.
    if (!this.accessUnits) sink.send(encodeFlvHeader({ audio: false, video: true }));
  }

  sendTags(tags: readonly FlvTag[]): void {
    this.base ??= firstPictureTime(tags);
    for (const tag of tags) {
      if (this.renewed) return;
      // Script and configuration tags cached before the first picture start the timeline at 0.
      const timestamp = Math.max(0, tag.timestamp - (this.base ?? tag.timestamp));
      if (timestamp >= VIEWER_TIMELINE_RENEW_MS) {
        this.renewed = true;
        this.sink.close('timeline renewal');
        return;
      }
      if (this.accessUnits) {
        // Each frame message carries when main received it: no separate clock marks.
        const message = accessUnitMessage(tag, timestamp);
        if (message) this.sink.send(message);
        continue;
      }
      // When it was received, before each keyframe and a few times a second: the player maps
      // frames to the wall clock (a server's cached GOP comes in a burst, late; live frames after
      // it come on time, and the player trusts the earliest-looking marks).
      if (tag.receivedAt !== undefined && this.wantsMark(tag, timestamp)) {
        this.sink.send(encodeFlvTag(clockMarkTag({ t: timestamp, at: tag.receivedAt })));
        this.lastMark = timestamp;
      }
      this.sink.send(encodeFlvTag(timestamp === tag.timestamp ? tag : { ...tag, timestamp }));
    }
  }

  /**
   * A video frame for this viewer. One that is congested, or still waiting, skips frames until
   * a keyframe it can start from, which it gets after the cached script and configuration.
   */
  deliverFrame(tag: FlvTag, keyframe: boolean, cache: GopCache): void {
    if (!this.waitingForKeyframe && this.isCongested) {
      this.waitingForKeyframe = true;
    }
    if (this.waitingForKeyframe) {
      if (!keyframe || !cache.hasConfig || this.isCongested) {
        this.framesSkipped += 1;
        return;
      }
      const script = cache.scriptTag;
      const config = cache.configTag;
      this.sendTags(script && config ? [script, config] : config ? [config] : []);
      this.waitingForKeyframe = false;
    }
    this.sendTags([tag]);
  }

  private wantsMark(tag: FlvTag, timestamp: number): boolean {
    if (tag.type !== FLV_TAG_VIDEO) return false;
    const info = videoTagInfo(tag.data);
    if (info.sequenceHeader) return false;
    return info.keyframe || timestamp - this.lastMark >= CLOCK_MARK_EVERY_MS;
  }

  get isCongested(): boolean {
    return this.sink.bufferedBytes() > VIEWER_MAX_BUFFERED_BYTES;
  }
}

/** The session time of the first coded picture among tags, or null when there is none. */
function firstPictureTime(tags: readonly FlvTag[]): number | null {
  for (const tag of tags) {
    if (tag.type === FLV_TAG_VIDEO && !videoTagInfo(tag.data).sequenceHeader) return tag.timestamp;
  }
  return null;
}
