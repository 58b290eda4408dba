// The Electron glue, with Electron mocked at its seam (the binary cannot run here): IPC is
// accepted only from the app's own windows and frames, payloads reach the service unparsed
// (it validates them), events go to every window; navigation, new windows, webviews and
// permission requests are refused.
import { WALL_REQUEST_CHANNELS } from '../../../electron/contract/wall-verbs';
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const ownContents = { id: 1 };
const sent: [string, unknown][] = [];
const appEvents = new EventEmitter();
let permissionHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
let permissionCheck: (() => boolean) | null = null;

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  BrowserWindow: {
    fromWebContents: (contents: unknown) => (contents === ownContents ? {} : null),
    getAllWindows: () => [
      {
        isDestroyed: () => false,
        webContents: { send: (c: string, p: unknown) => sent.push([c, p]) },
      },
    ],
  },
  app: {
    on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof permissionHandler) => (permissionHandler = h),
      setPermissionCheckHandler: (h: typeof permissionCheck) => (permissionCheck = h),
    },
  },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  net: { fetch: () => Promise.reject(new Error('not used')) },
}));

const { registerIpc, sendToAllWindows } = await import('../../../electron/main/ipc');
const { hardenSessions, isOwnFrame } = await import('../../../electron/main/web-security');

function fakeService() {
  const calls: [unknown, unknown][] = [];
  return {
    calls,
    service: {
      handle: async (channel: unknown, payload: unknown) => {
        calls.push([channel, payload]);
        return { ok: true, value: 'handled' };
      },
    },
  };
}

describe('IPC registration', () => {
  beforeEach(() => {
    handlers.clear();
    sent.length = 0;
  });

  it('handles every contract channel from the app’s own frame', async () => {
    const fake = fakeService();
    registerIpc(fake.service as never, () => {});
    expect([...handlers.keys()].sort()).toEqual([...WALL_REQUEST_CHANNELS].sort());
    expect(handlers.has('staff:unlock')).toBe(true);
    const result = await handlers.get('wall:set-locale')!(
      { sender: ownContents, senderFrame: { url: 'app://wall/index.html', parent: null } },
      { evil: true },
    );
    expect(result).toEqual({ ok: true, value: 'handled' });
    // The payload reaches the service as it came: the service validates it.
    expect(fake.calls).toEqual([['wall:set-locale', { evil: true }]]);
  });

  it('refuses a request from another origin’s frame or from a contents that is not a window', async () => {
    const fake = fakeService();
    const log: string[] = [];
    registerIpc(fake.service as never, (line) => log.push(line));
    const handler = handlers.get('wall:get-snapshot')!;
    const fromIframe = await handler(
      { sender: ownContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      undefined,
    );
    const fromStranger = await handler(
      { sender: { id: 99 }, senderFrame: { url: 'app://wall/index.html', parent: null } },
      undefined,
    );
    // A sub-frame of the app's own page (its parent is the page) is not the app either.
    const fromOwnSubFrame = await handler(
      { sender: ownContents, senderFrame: { url: 'app://wall/index.html', parent: {} } },
      undefined,
    );
    expect(fromIframe).toMatchObject({ ok: false });
    expect(fromStranger).toMatchObject({ ok: false });
    expect(fromOwnSubFrame).toMatchObject({ ok: false });
    expect(fake.calls).toEqual([]);
    expect(log).toHaveLength(3);
  });

  it('forwards the service’s events to every window', () => {
    // start-wall.ts subscribes once for every host; Electron's delivery is sendToAllWindows.
    sendToAllWindows('streams:status', { cameraId: 'a' } as never);
    expect(sent).toEqual([['streams:status', { cameraId: 'a' }]]);
  });
});

describe('web contents hardening', () => {
  it('denies every permission and blocks navigation, redirects, new windows and webviews', () => {
    hardenSessions();
    const answers: boolean[] = [];
    permissionHandler!({}, 'media', (ok) => answers.push(ok));
    permissionHandler!({}, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(permissionCheck!()).toBe(false);

    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: () => { action: string }) => void;
      openHandler?: () => { action: string };
    };
    contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
    appEvents.emit('web-contents-created', {}, contents);

    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://wall/index.html')).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    let webviewBlocked = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewBlocked = true) });
    expect(webviewBlocked).toBe(true);
  });

  it('knows the app’s own frames', () => {
    expect(isOwnFrame('app://wall/index.html?display=1')).toBe(true);
    expect(isOwnFrame('app://wallet.example/')).toBe(false);
    expect(isOwnFrame('http://127.0.0.1/')).toBe(false);
    expect(isOwnFrame(undefined)).toBe(false);
  });
});
