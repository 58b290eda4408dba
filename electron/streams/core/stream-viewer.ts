// One consumer of a session's FLV stream (a tile's WebSocket on the loopback gateway).
import { encodeFlvHeader, encodeFlvTag } from '../flv/flv-writer';
import type { FlvTag } from '../flv/flv-tag';
import type { GopCache } from './gop-cache';

export interface ViewerSink {
  send(bytes: Uint8Array): void;
  /** Bytes accepted by send() that the socket has not written yet. */
  bufferedBytes(): number;
  /** The session ends the viewer (for example the camera was removed from the settings). */
  close(reason: string): void;
}

/** A viewer this far behind skips to the next keyframe instead of queueing without bound. */
export const VIEWER_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export class StreamViewer {
  /** True until the viewer has been given a decoder configuration and a keyframe. */
  waitingForKeyframe = true;
  framesSkipped = 0;

  constructor(readonly sink: ViewerSink) {
    // The wall is silent: the header announces video only, and audio tags are never sent.
    sink.send(encodeFlvHeader({ audio: false, video: true }));
  }

  sendTags(tags: readonly FlvTag[]): void {
    for (const tag of tags) this.sink.send(encodeFlvTag(tag));
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

  get isCongested(): boolean {
    return this.sink.bufferedBytes() > VIEWER_MAX_BUFFERED_BYTES;
  }
}
