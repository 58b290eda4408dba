// The Electron security checklist at the seam, item by item (docs/security.md): what every wall
// window is made with, and what app:// serves (only files under the renderer's folder, each with
// the Content-Security-Policy). Electron is faked; the modules under test are the real glue.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/gateway/content-security-policy';
import { wallWindowOptions } from '../../../electron/kiosk/window-options';

const made: Record<string, unknown>[] = [];
let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
const privilegedSchemes: unknown[] = [];
const fetched: string[] = [];

class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), {
    setZoomFactor: () => {},
    setVisualZoomLevelLimits: async () => {},
  });
  constructor(options: Record<string, unknown>) {
    super();
    made.push(options);
  }
  isDestroyed = () => false;
  loadURL = async () => {};
  show = () => {};
  setBounds = () => {};
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: Object.assign(new EventEmitter(), {
    getAllDisplays: () => [{ id: 3, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }],
  }),
  app: { quit: () => {} },
  dialog: { showMessageBox: async () => ({ response: 0 }) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
    handle: (_scheme: string, handler: typeof protocolHandler) => (protocolHandler = handler),
  },
  net: {
    fetch: async (url: string) => {
      fetched.push(url);
      return new Response('<html></html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      });
    },
  },
}));

const { keepWallWindows } = await import('../../../electron/main/wall-windows');
const { registerAppScheme, serveRenderer } = await import('../../../electron/main/app-protocol');

describe('webPreferences of every wall window', () => {
  for (const kiosk of [true, false]) {
    it(`holds the checklist (${kiosk ? 'packaged or --kiosk' : 'development'})`, () => {
      const prefs = wallWindowOptions({
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        preloadPath: '/app/out/preload/index.cjs',
        kiosk,
      }).webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      // DevTools exist only in a development run; a packaged app is always in kiosk mode.
      expect(prefs.devTools).toBe(!kiosk);
    });
  }

  it('is what the glue makes each window with, on its display, with no frame', () => {
    made.length = 0;
    keepWallWindows({ preloadPath: '/app/out/preload/index.cjs', kiosk: true, log: () => {} });
    expect(made).toEqual([
      wallWindowOptions({
        bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
        preloadPath: '/app/out/preload/index.cjs',
        kiosk: true,
      }),
    ]);
    expect(made[0]).toMatchObject({ frame: false, fullscreen: true, kiosk: true });
  });
});

describe('what the app never does', () => {
  it('opens nothing outside itself: no shell.openExternal anywhere in main or the page', () => {
    const sources = [
      ...readdirSync('electron', { recursive: true, encoding: 'utf8' }).map((f) =>
        join('electron', f),
      ),
      ...readdirSync(join('renderer', 'src'), { recursive: true, encoding: 'utf8' }).map((f) =>
        join('renderer', 'src', f),
      ),
    ].filter((file) => /\.tsx?$/.test(file));
    expect(sources.length).toBeGreaterThan(100);
    const offenders = sources.filter((file) =>
      /openExternal|openPath|enableBlinkFeatures/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('app:// (the renderer’s protocol)', () => {
  const root = '/app/out/renderer';
  const gateway = 'ws://127.0.0.1:41234';
  beforeEach(() => {
    fetched.length = 0;
    protocolHandler = null;
    serveRenderer(root, () => gateway);
  });
  const get = (url: string) => protocolHandler!(new Request(url));

  it('serves a file under the renderer with the Content-Security-Policy header', async () => {
    const response = await get('app://wall/index.html?display=0');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy(gateway));
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(fetched).toEqual([`file://${join(root, 'index.html')}`]);
    await get('app://wall/assets/index.js');
    expect(fetched.at(-1)).toBe(`file://${join(root, 'assets', 'index.js')}`);
  });

  it('lets Chromium keep compiled code for the hashed bundle, never for index.html', async () => {
    privilegedSchemes.length = 0;
    registerAppScheme();
    expect(privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect((await get('app://wall/index.html')).headers.get('Cache-Control')).toBe('no-store');
    expect((await get('app://wall/assets/index-D9InLxAG.js')).headers.get('Cache-Control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('refuses paths that decode to outside the renderer’s folder, and any other host, unread', async () => {
    for (const url of [
      'app://wall/..%2f..%2fsettings.json',
      'app://wall/%2e%2e%2f%2e%2e%2fwall.json',
      'app://wall/%E0%A4%A',
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Security-Policy'), url).toBeNull();
    }
    expect(fetched).toEqual([]);
  });

  it('keeps dot segments the URL parser resolves inside the folder', async () => {
    // The URL standard resolves "../" and "%2e%2e/" before the handler sees the path.
    await get('app://wall/%2e%2e/%2e%2e/etc/passwd');
    await get('app://wall/../../index.html');
    expect(fetched).toEqual([
      `file://${join(root, 'etc', 'passwd')}`,
      `file://${join(root, 'index.html')}`,
    ]);
  });
});
