// Feeds an FLV byte stream into a source's handlers: shared by the HTTP-FLV and WS-FLV
// sources, which differ only in how the bytes arrive.
import type { AuthSettings, TlsTrust } from '../../../settings/settings-model';
import { FlvReader } from '../../flv/flv-reader';
import type { SourceFailure } from '../../core/source';
import { PullFeed } from './pull-feed';

/** What the gateway pulls (HTTP-FLV, WS-FLV, HTTP-TS) are given. */
export interface FlvPullOptions {
  url: string;
  auth?: AuthSettings;
  label: string;
  connectTimeoutMs?: number;
  /** CA and pinned fingerprint for https:// and wss:// (see tls/tls-trust.ts). */
  tlsTrust?: TlsTrust;
  /** Servers other than the URL's own that a redirect may lead to ("host" or "host:port"). */
  allowRedirectTo?: readonly string[];
  /** HTTP Basic over http:// or ws:// (see cleartext-guard.ts). */
  allowBasicOverCleartext?: boolean;
}

export class FlvStreamFeed extends PullFeed {
  private readonly reader = new FlvReader();
  private headerSeen = false;

  /** Returns false once the stream is malformed; the caller then closes the connection. */
  push(chunk: Uint8Array): boolean {
    if (this.ended) return false;
    this.bytesReceived += chunk.length;
    for (const item of this.reader.push(chunk)) {
      if (item.kind === 'header') {
        this.headerSeen = true;
      } else if (item.kind === 'tag') {
        this.handlers.onTag(item.tag);
      } else if (item.kind === 'error') {
        this.end({
          code: 'protocol-error',
          reason: 'malformed-stream',
          message: `Camera '${this.label}': the server sent bytes that are not FLV video (${item.message}). Check that the URL points to an FLV stream.`,
          detail: item.message,
        });
        return false;
      }
    }
    return true;
  }

  /**
   * The server closed the stream. Bytes that never made an FLV header ("Forbidden", a short
   * error page) are a wrong URL, not a stream that ended.
   */
  serverClosed(failure: SourceFailure): void {
    if (this.bytesReceived > 0 && !this.headerSeen) {
      this.end({
        code: 'protocol-error',
        message: `Camera '${this.label}': the server sent ${this.bytesReceived} bytes that are not FLV video and closed. Check that the URL points to an FLV stream.`,
      });
      return;
    }
    this.end(failure);
  }
}
