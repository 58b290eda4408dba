// What every byte-stream feed (FLV, MPEG-TS) shares: it ends once, with the first failure, and
// stays silent after the session closed it; the bytes it was given tell an empty 200 from a
// stream that stopped. The format-specific part is push() and serverClosed().
import type { SourceFailure, SourceHandlers } from '../../core/source';

export abstract class PullFeed {
  protected ended = false;
  /** Body bytes received; an empty 200 means something different from a stream that stopped. */
  bytesReceived = 0;

  constructor(
    protected readonly handlers: SourceHandlers,
    protected readonly label: string,
  ) {}

  /** Returns false once the stream is unusable; the caller then closes the connection. */
  abstract push(chunk: Uint8Array): boolean;

  /** The server closed the stream; `failure` is what that means for a stream that played. */
  abstract serverClosed(failure: SourceFailure): void;

  end(failure: SourceFailure): void {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onEnd(failure);
  }

  /** Called after close(): no onEnd may follow. */
  silence(): void {
    this.ended = true;
  }

  get isEnded(): boolean {
    return this.ended;
  }
}
