// What the page's <head> starts before the bundle (renderer/public/early-start.js), run here as
// the browser runs it: the API socket, against a fake WebSocket, which the preview client takes
// over with what it received, sends its first reads on, and opens no second socket; and the
// tiles' feed worker the build named in a <meta>, against a fake Worker.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  previewSocketUrl,
  WALL_API_GLOBAL,
  WALL_EVENTS,
  WALL_VERBS,
} from '../../../renderer/src/contract';
import { EARLY_API_SOCKET_GLOBAL } from '../../../renderer/src/api/early-socket';
import { EARLY_FEED_WORKER_GLOBAL } from '../../../renderer/src/player/early-feed-worker';
import { FEED_WORKER_META } from '../../../renderer/feed-worker-meta-plugin';
import { PreviewClient } from '../../../renderer/src/api/preview-client';

const SCRIPT = readFileSync(resolve(__dirname, '../../../renderer/public/early-start.js'), 'utf8');

class FakeSocket {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(text: string) {
    this.sent.push(text);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: unknown) {
    this.onmessage?.({ data });
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const location = { hash: '#key=0a1b2c', protocol: 'http:', host: '127.0.0.1:4321' };

function pageWindow(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const win: Record<string, unknown> = {
    location,
    WebSocket: FakeSocket,
    URLSearchParams,
    ...extra,
  };
  win.window = win;
  runInNewContext(SCRIPT, win);
  return win;
}

const statusPush = JSON.stringify({
  kind: 'event',
  channel: WALL_EVENTS.onStatus.channel,
  payload: { cameraId: 'cam-1', quality: 'sub', state: 'live' },
});

let savedWebSocket: unknown;
beforeEach(() => {
  FakeSocket.made = [];
  savedWebSocket = (globalThis as Record<string, unknown>).WebSocket;
  (globalThis as Record<string, unknown>).WebSocket = FakeSocket;
});
afterEach(() => {
  (globalThis as Record<string, unknown>).WebSocket = savedWebSocket;
});

describe('the early API socket', () => {
  it("opens the contract's preview socket URL and keeps what arrives", () => {
    const win = pageWindow();
    expect(FakeSocket.made.map((s) => s.url)).toEqual([previewSocketUrl(location, '0a1b2c')]);
    FakeSocket.made[0]!.receive(statusPush);
    expect(win[EARLY_API_SOCKET_GLOBAL]).toMatchObject({ received: [statusPush] });
  });

  it("does nothing inside Electron (the preload's bridge) or without a key", () => {
    pageWindow({ [WALL_API_GLOBAL]: {} });
    pageWindow({ location: { ...location, hash: '' } });
    expect(FakeSocket.made).toEqual([]);
  });

  it('is taken over: what arrived first is delivered, the first reads go on it, no second socket', async () => {
    const win = pageWindow();
    const early = FakeSocket.made[0]!;
    early.receive(statusPush);
    early.open();
    const api = PreviewClient.apiFromWindow(win as unknown as Window, '0a1b2c');
    const statuses: unknown[] = [];
    api.onStatus((status) => statuses.push(status));
    const hours = api.getOfficeHours();
    expect(FakeSocket.made).toHaveLength(1);
    expect(early.sent.map((t) => JSON.parse(t).channel)).toEqual([
      WALL_VERBS.getOfficeHours.channel,
    ]);
    const { id } = JSON.parse(early.sent[0]!);
    early.receive(JSON.stringify({ kind: 'response', id, result: { ok: true, value: {} } }));
    await expect(hours).resolves.toEqual({ ok: true, value: {} });
    expect(win[EARLY_API_SOCKET_GLOBAL]).toBeUndefined();
    // The push that came before the bundle ran reached the listener subscribed after take-over.
    expect(statuses).toEqual([JSON.parse(statusPush).payload]);
    early.receive(statusPush);
    expect(statuses).toHaveLength(2);
  });

  it('a socket that closed before the bundle ran is replaced by a new one', () => {
    const win = pageWindow();
    FakeSocket.made[0]!.close();
    PreviewClient.apiFromWindow(win as unknown as Window, '0a1b2c');
    expect(FakeSocket.made).toHaveLength(2);
  });
});

describe('the early feed worker', () => {
  class FakeWorker {
    static made: FakeWorker[] = [];
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { message?: string }) => void) | null = null;
    constructor(
      readonly url: string,
      readonly options: unknown,
    ) {
      FakeWorker.made.push(this);
    }
  }
  const page = (meta: string | null, canInWorker = true) => {
    FakeWorker.made = [];
    return pageWindow({
      Worker: FakeWorker,
      MediaSource: { canConstructInDedicatedWorker: canInWorker },
      document: {
        querySelector: (selector: string) =>
          // The name the build's plugin gives the meta: the script must look for that one.
          selector === `meta[name="${FEED_WORKER_META}"]` && meta !== null
            ? { getAttribute: (name: string) => (name === 'content' ? meta : null) }
            : null,
      },
    });
  };

  it('starts the worker the build named, as a module, and keeps what it sends', () => {
    const win = page('./assets/fmp4-worker-AbC123_x.js');
    expect(FakeWorker.made.map((w) => [w.url, w.options])).toEqual([
      ['./assets/fmp4-worker-AbC123_x.js', { type: 'module' }],
    ]);
    const early = win[EARLY_FEED_WORKER_GLOBAL] as { received: unknown[]; failed: unknown };
    FakeWorker.made[0]!.onmessage?.({ data: { kind: 'spares', sources: [] } });
    expect(early.received).toEqual([{ kind: 'spares', sources: [] }]);
    expect(early.failed).toBeNull();
    FakeWorker.made[0]!.onerror?.({ message: 'SyntaxError' });
    expect(early.failed).toBe('SyntaxError');
  });

  it('starts nothing without the meta (a dev server) or where MediaSource cannot live in a worker', () => {
    expect(page(null)[EARLY_FEED_WORKER_GLOBAL]).toBeUndefined();
    expect(
      page('./assets/fmp4-worker-AbC123_x.js', false)[EARLY_FEED_WORKER_GLOBAL],
    ).toBeUndefined();
    expect(FakeWorker.made).toEqual([]);
  });
});
