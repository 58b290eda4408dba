// Feeds an MPEG-TS byte stream into a source's handlers, and decides when the bytes are not
// a stream we can show: no TS sync, no program with video, or a video codec we cannot mux.
// Protocol-independent, like the FLV feed, so a TS-over-WebSocket or SRT pull could reuse it.
import type { SourceFailure } from '../../core/source';
import { PullFeed } from '../http-pull/pull-feed';
import { TsDemuxer, type ProgramVideo, type TsEvent } from './ts-demuxer';
import { TsVideoMuxer } from './ts-video-muxer';

/** Skipped (unsynced) bytes beyond this, and more than half of all bytes: not MPEG-TS. */
export const MAX_GARBAGE_BYTES = 16 * 1024;
/**
 * Bytes allowed before a PMT naming a video stream. Gateways repeat PAT/PMT every 100-500 ms
 * (a few KB at camera bitrates), so a megabyte without one is not a stream we can use.
 */
export const MAX_BYTES_WITHOUT_PROGRAM = 1024 * 1024;

export class TsStreamFeed extends PullFeed {
  private readonly demuxer = new TsDemuxer();
  private video: TsVideoMuxer | undefined;
  private codecReported = false;

  /** Returns false once the stream is unusable; the caller then closes the connection. */
  push(chunk: Uint8Array): boolean {
    if (this.ended) return false;
    this.bytesReceived += chunk.length;
    let events: TsEvent[];
    try {
      events = this.demuxer.push(chunk);
    } catch (error) {
      // The demuxer is written not to throw; if it ever does, this camera fails, not the app.
      this.malformed(`the demuxer failed: ${error instanceof Error ? error.message : error}`);
      return false;
    }
    for (const event of events) {
      if (this.ended) return false;
      this.handle(event);
    }
    if (!this.ended) this.checkGarbage();
    return !this.ended;
  }

  /** The server closed the stream. Bytes that never made a TS program are a wrong URL. */
  serverClosed(failure: SourceFailure): void {
    if (this.bytesReceived > 0 && !this.demuxer.programVideo) {
      this.malformed(`it sent ${this.bytesReceived} bytes with no MPEG-TS program and closed`);
      return;
    }
    this.end(failure);
  }

  /** Counters for logs and tests. */
  get stats() {
    return { ...this.demuxer.stats, droppedPictures: this.video?.droppedPictures ?? 0 };
  }

  private handle(event: TsEvent): void {
    if (event.kind === 'program') this.onProgram(event.video);
    else if (event.kind === 'gap') this.video?.gap();
    else if (this.video) {
      for (const tag of this.video.push(event.pes)) {
        if (this.ended) return;
        if (!this.codecReported) {
          this.codecReported = true;
          this.handlers.onCodec?.(this.video.codec);
        }
        this.handlers.onTag(tag);
      }
    }
  }

  private onProgram(video: ProgramVideo): void {
    if (video.kind === 'none') {
      this.end({
        code: 'no-video-track',
        reason: 'no-video-track',
        message: `Camera '${this.label}': the MPEG-TS stream has no video. Check the stream path, or enable video on this channel.`,
      });
    } else if (video.kind === 'unsupported') {
      this.end({
        code: 'unsupported-codec',
        message: `Camera '${this.label}': the video is ${video.name} (MPEG-TS stream type 0x${video.streamType.toString(16)}), but only H.264 and H.265 can be shown. Set the camera's video encoding to H.264.`,
      });
    } else if (!this.video || this.video.codec !== video.codec) {
      // A new muxer sends the new codec's sequence header. onCodec stays the first codec's:
      // the contract reports it once per connection.
      this.video = new TsVideoMuxer(video.codec);
    }
  }

  private checkGarbage(): void {
    const { skippedBytes } = this.demuxer.stats;
    if (skippedBytes > MAX_GARBAGE_BYTES && skippedBytes * 2 > this.bytesReceived) {
      this.malformed(
        `${skippedBytes} of the ${this.bytesReceived} bytes it sent are not MPEG-TS packets`,
      );
    } else if (!this.demuxer.programVideo && this.bytesReceived > MAX_BYTES_WITHOUT_PROGRAM) {
      this.malformed(`${this.bytesReceived} bytes arrived without an MPEG-TS program table`);
    }
  }

  private malformed(what: string): void {
    this.end({
      code: 'protocol-error',
      reason: 'malformed-stream',
      message: `Camera '${this.label}': the server sent bytes that are not MPEG-TS video (${what}). Check that the URL points to a live MPEG-TS stream (…/app/name.ts).`,
      detail: what,
    });
  }
}
