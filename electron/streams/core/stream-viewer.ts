// One consumer of a session's FLV stream (a tile's WebSocket on the loopback gateway).
// Each tag goes out as one send of bytes carved from a shared slab (../bytes/byte-slab.ts),
// with its clock mark, when it gets one, in the same send: no allocation of its own per tag.
import { ByteSlab } from '../bytes/byte-slab';
import {
  encodeFlvHeader,
  FLV_TAG_OVERHEAD,
  writeFlvTag,
  writeFlvTagFrame,
} from '../flv/flv-writer';
import { CLOCK_MARK_BODY_BYTES, writeClockMarkBody } from '../flv/clock-mark';
import { FLV_TAG_SCRIPT, FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';
import { accessUnitMessage } from './access-unit-feed';
import type { GopCache } from './gop-cache';

/** Shared by every viewer of the process (one thread; pieces are never rewritten). */
const SLAB = new ByteSlab();
const MARK_TAG_BYTES = FLV_TAG_OVERHEAD + CLOCK_MARK_BODY_BYTES;

/** What a tag is to a viewer: a picture (key or inter), or not one (script, configuration). */
type Picture = 'key' | 'inter' | null;

export interface ViewerSink {
  send(bytes: Uint8Array): void;
  /** Bytes accepted by send() that the socket has not written yet. */
  bufferedBytes(): number;
  /** The session ends the viewer (for example the camera was removed from the settings). */
  close(reason: string): void;
  /**
   * A viewer that only holds the session open and throws the bytes away (the background
   * watch): nothing is encoded for it.
   */
  readonly discards?: boolean;
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
    if (!sink.discards && !this.accessUnits) {
      sink.send(encodeFlvHeader({ audio: false, video: true }));
    }
  }

  sendTags(tags: readonly FlvTag[]): void {
    if (this.sink.discards) return;
    this.base ??= firstPictureTime(tags);
    for (const tag of tags) if (!this.send(tag, pictureOf(tag))) return;
  }

  /**
   * A video frame for this viewer. One that is congested, or still waiting, skips frames until
   * a keyframe it can start from, which it gets after the cached script and configuration.
   */
  deliverFrame(tag: FlvTag, keyframe: boolean, cache: GopCache): void {
    if (this.sink.discards) return;
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
      if (script && !this.send(script, null)) return;
      if (config && !this.send(config, null)) return;
      this.waitingForKeyframe = false;
    }
    this.base ??= tag.timestamp;
    this.send(tag, keyframe ? 'key' : 'inter');
  }

  /** One tag on this viewer's timeline, with a clock mark before it when due; false once renewed. */
  private send(tag: FlvTag, picture: Picture): boolean {
    if (this.renewed) return false;
    // Script and configuration tags cached before the first picture start the timeline at 0.
    const timestamp = Math.max(0, tag.timestamp - (this.base ?? tag.timestamp));
    if (timestamp >= VIEWER_TIMELINE_RENEW_MS) {
      this.renewed = true;
      this.sink.close('timeline renewal');
      return false;
    }
    if (this.accessUnits) {
      // Each frame message carries when main received it: no separate clock marks.
      const message = accessUnitMessage(tag, timestamp);
      if (message) this.sink.send(message);
      return true;
    }
    // When it was received, before each keyframe and a few times a second: the player maps
    // frames to the wall clock (a server's cached GOP comes in a burst, late; live frames after
    // it come on time, and the player trusts the earliest-looking marks).
    const mark =
      tag.receivedAt !== undefined &&
      picture !== null &&
      (picture === 'key' || timestamp - this.lastMark >= CLOCK_MARK_EVERY_MS);
    const out = SLAB.take((mark ? MARK_TAG_BYTES : 0) + FLV_TAG_OVERHEAD + tag.data.length);
    let at = 0;
    if (mark) {
      writeClockMarkBody(out, 11, { t: timestamp, at: tag.receivedAt! });
      at = writeFlvTagFrame(out, 0, FLV_TAG_SCRIPT, timestamp, CLOCK_MARK_BODY_BYTES);
      this.lastMark = timestamp;
    }
    writeFlvTag(out, at, tag.type, timestamp, tag.data);
    this.sink.send(out);
    return true;
  }

  get isCongested(): boolean {
    return this.sink.bufferedBytes() > VIEWER_MAX_BUFFERED_BYTES;
  }
}

function pictureOf(tag: FlvTag): Picture {
  if (tag.type !== FLV_TAG_VIDEO) return null;
  const info = videoTagInfo(tag.data);
  return info.sequenceHeader ? null : info.keyframe ? 'key' : 'inter';
}

/** The session time of the first coded picture among tags, or null when there is none. */
function firstPictureTime(tags: readonly FlvTag[]): number | null {
  for (const tag of tags) if (pictureOf(tag) !== null) return tag.timestamp;
  return null;
}
