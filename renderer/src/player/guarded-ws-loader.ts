// mpegts.js's WebSocket loader, with one difference: it catches what the demuxer throws. With
// the worker off, mpegts.js parses each message inside the socket's onmessage, so a broken
// decoder configuration (an SPS length past the record's end) throws "Invalid typed array
// length" uncaught into the page, once per player, for as long as the tile keeps retrying.
// Here the throw stops the socket and tells the tile, which says the picture is damaged.

/** The parts of mpegts.js's BaseLoader this loader uses (mpegts.BaseLoader at run time). */
export interface LoaderBase {
  _status: number;
  _needStash: boolean;
  destroy(): void;
  readonly onDataArrival:
    ((chunk: ArrayBuffer, byteStart: number, receivedLength?: number) => void) | null;
  readonly onError: ((type: string, info: { code: number; msg: string }) => void) | null;
  readonly onComplete: ((rangeFrom: number, rangeTo: number) => void) | null;
}

export type LoaderBaseClass = new (typeName: string) => LoaderBase;

/** mpegts.js's LoaderStatus and LoaderErrors.EXCEPTION, passed in to keep this module pure. */
export interface LoaderConstants {
  status: { kConnecting: number; kBuffering: number; kError: number; kComplete: number };
  exception: string;
}

export function guardedWebSocketLoader(
  Base: LoaderBaseClass,
  constants: LoaderConstants,
  onDataError: (error: unknown) => void,
) {
  const { status } = constants;
  return class GuardedWebSocketLoader extends Base {
    private ws: WebSocket | null = null;
    private received = 0;
    private aborting = false;
    private failed = false;

    constructor() {
      super('guarded-websocket-loader');
      this._needStash = true;
    }

    override destroy(): void {
      if (this.ws) this.abort();
      super.destroy();
    }

    open(dataSource: { url: string }): void {
      try {
        const ws = new WebSocket(dataSource.url);
        ws.binaryType = 'arraybuffer';
        ws.onopen = () => (this._status = status.kBuffering);
        ws.onclose = () => this.onClose();
        ws.onmessage = (event: MessageEvent) => this.onMessage(event.data);
        ws.onerror = () => this.fail('the WebSocket failed');
        this.ws = ws;
        this._status = status.kConnecting;
      } catch (error) {
        this.fail(error instanceof Error ? error.message : String(error));
      }
    }

    abort(): void {
      const ws = this.ws;
      this.ws = null;
      if (ws && (ws.readyState === 0 || ws.readyState === 1)) {
        this.aborting = true;
        ws.close();
      }
      this._status = status.kComplete;
    }

    private onMessage(data: unknown): void {
      // After a throw the demuxer's state is unknown: nothing more goes into it.
      if (this.failed || !(data instanceof ArrayBuffer)) return;
      const byteStart = this.received;
      this.received += data.byteLength;
      try {
        this.onDataArrival?.(data, byteStart, this.received);
      } catch (error) {
        this.failed = true;
        this.abort();
        onDataError(error);
      }
    }

    private onClose(): void {
      if (this.aborting) {
        this.aborting = false;
        return;
      }
      this._status = status.kComplete;
      this.onComplete?.(0, this.received - 1);
    }

    private fail(msg: string): void {
      this._status = status.kError;
      this.onError?.(constants.exception, { code: -1, msg });
    }
  };
}
