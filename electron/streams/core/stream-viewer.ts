// One consumer of a session's FLV stream (a tile's WebSocket on the loopback gateway).
import { encodeFlvHeader, encodeFlvTag } from '../flv/flv-writer';
import type { FlvTag } from '../flv/flv-tag';

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

  get isCongested(): boolean {
    return this.sink.bufferedBytes() > VIEWER_MAX_BUFFERED_BYTES;
  }
}
