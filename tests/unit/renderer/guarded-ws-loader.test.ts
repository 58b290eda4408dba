// The tile's WebSocket loader: bytes reach mpegts.js as with its own loader, and what the
// demuxer throws on them stops the socket and reaches the tile instead of the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  guardedWebSocketLoader,
  type LoaderBase,
} from '../../../renderer/src/player/guarded-ws-loader';

const STATUS = { kConnecting: 1, kBuffering: 2, kError: 3, kComplete: 4 };

/** Stands in for mpegts.BaseLoader: callbacks are plain fields the IO controller sets. */
class FakeBase implements LoaderBase {
  _status = 0;
  _needStash = false;
  destroyed = false;
  onDataArrival: LoaderBase['onDataArrival'] = null;
  onError: LoaderBase['onError'] = null;
  onComplete: LoaderBase['onComplete'] = null;
  constructor(readonly typeName: string) {}
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeSocket {
  static last: FakeSocket;
  readyState = 0;
  binaryType = '';
  closes = 0;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  close(): void {
    this.closes += 1;
    this.readyState = 3;
  }
}

function open(onDataError = (_: unknown) => {}) {
  const Loader = guardedWebSocketLoader(
    FakeBase,
    { status: STATUS, exception: 'Exception' },
    onDataError,
  );
  const loader = new Loader() as unknown as FakeBase & InstanceType<typeof Loader>;
  const chunks: Array<[number, number, number | undefined]> = [];
  loader.onDataArrival = (chunk, start, received) =>
    chunks.push([chunk.byteLength, start, received]);
  loader.open({ url: 'ws://127.0.0.1:1/k/cam/sub.flv' });
  return { loader, chunks, ws: FakeSocket.last };
}

beforeEach(() => vi.stubGlobal('WebSocket', FakeSocket));
afterEach(() => vi.unstubAllGlobals());

describe('guardedWebSocketLoader', () => {
  it('opens a binary socket and passes each message on with its byte range', () => {
    const { loader, chunks, ws } = open();
    expect(loader.typeName).toBe('guarded-websocket-loader');
    expect(loader._needStash).toBe(true);
    expect(ws.url).toBe('ws://127.0.0.1:1/k/cam/sub.flv');
    expect(ws.binaryType).toBe('arraybuffer');
    expect(loader._status).toBe(STATUS.kConnecting);
    ws.readyState = 1;
    ws.onopen?.();
    expect(loader._status).toBe(STATUS.kBuffering);
    ws.onmessage?.({ data: new ArrayBuffer(13) });
    ws.onmessage?.({ data: 'text is not FLV' });
    ws.onmessage?.({ data: new ArrayBuffer(7) });
    expect(chunks).toEqual([
      [13, 0, 13],
      [7, 13, 20],
    ]);
  });

  it('stops the socket and tells the tile when the demuxer throws, and passes nothing after', () => {
    const errors: unknown[] = [];
    const { loader, chunks, ws } = open((e) => errors.push(e));
    ws.readyState = 1;
    const thrown = new RangeError('Invalid typed array length: 65535');
    loader.onDataArrival = () => {
      chunks.push([0, 0, 0]);
      throw thrown;
    };
    expect(() => ws.onmessage?.({ data: new ArrayBuffer(4) })).not.toThrow();
    expect(errors).toEqual([thrown]);
    expect(ws.closes).toBe(1);
    expect(loader._status).toBe(STATUS.kComplete);
    ws.onmessage?.({ data: new ArrayBuffer(4) });
    expect(chunks).toHaveLength(1);
    // Its own close is not reported as the end of the stream.
    const completes: number[] = [];
    loader.onComplete = (_from, to) => completes.push(to);
    ws.onclose?.();
    expect(completes).toEqual([]);
  });

  it('reports the end of the stream and socket errors as mpegts.js expects', () => {
    const { loader, ws } = open();
    const completes: Array<[number, number]> = [];
    const errors: unknown[] = [];
    loader.onComplete = (from, to) => completes.push([from, to]);
    loader.onError = (type, info) => errors.push([type, info]);
    ws.onmessage?.({ data: new ArrayBuffer(10) });
    ws.onclose?.();
    expect(completes).toEqual([[0, 9]]);
    expect(loader._status).toBe(STATUS.kComplete);
    ws.onerror?.();
    expect(errors).toEqual([['Exception', { code: -1, msg: 'the WebSocket failed' }]]);
    expect(loader._status).toBe(STATUS.kError);
  });

  it('reports a socket that cannot be made as an error, not a throw', () => {
    vi.stubGlobal('WebSocket', function refuse() {
      throw new SyntaxError('bad url');
    });
    const Loader = guardedWebSocketLoader(
      FakeBase,
      { status: STATUS, exception: 'Exception' },
      () => {},
    );
    const loader = new Loader() as unknown as FakeBase & InstanceType<typeof Loader>;
    const errors: unknown[] = [];
    loader.onError = (type, info) => errors.push([type, info]);
    expect(() => loader.open({ url: '::' })).not.toThrow();
    expect(errors).toEqual([['Exception', { code: -1, msg: 'bad url' }]]);
  });

  it('closes an open socket when destroyed, and only then', () => {
    const { loader, ws } = open();
    ws.readyState = 1;
    loader.destroy();
    expect(ws.closes).toBe(1);
    expect(loader.destroyed).toBe(true);
    const other = open();
    other.ws.readyState = 3;
    other.loader.abort();
    expect(other.ws.closes).toBe(0);
  });
});
