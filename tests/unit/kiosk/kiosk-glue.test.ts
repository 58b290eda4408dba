// The Electron glue for the kiosk, with Electron mocked at its seam (the binary cannot run
// here): windows are locked down and guarded, crashed renderers come back with backoff, GPU
// crashes reload and then relaunch once, and the quit chord reaches the page (staff quit there).
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  applyGpuFallbackFlag as ApplyGpuFallbackFlag,
  installKiosk as InstallKiosk,
} from '../../../electron/main/kiosk-glue';
import type { quitGate as QuitGateInstance } from '../../../electron/main/kiosk-window';
import type { keepWallWindows as KeepWallWindows } from '../../../electron/main/wall-windows';

const calls: string[] = [];
const appEvents = new EventEmitter();
const displays = [{ id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
const screenEvents = new EventEmitter();

class FakeContents extends EventEmitter {
  reload = () => calls.push('reload');
  setZoomFactor = (f: number) => calls.push(`zoom ${f}`);
  setVisualZoomLevelLimits = async (a: number, b: number) => void calls.push(`limits ${a},${b}`);
  forcefullyCrashRenderer = () => calls.push('crash renderer');
}
class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  webContents = new FakeContents();
  destroyed = false;
  constructor(readonly options: { webPreferences: { devTools: boolean } }) {
    super();
    FakeWindow.all.push(this);
  }
  isDestroyed = () => this.destroyed;
  loadURL = async (url: string) => void calls.push(`load ${url}`);
  show = () => {};
  setBounds = () => {};
  destroy = () => {
    this.destroyed = true;
    this.emit('closed');
  };
}

vi.mock('electron', () => ({
  app: {
    on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
    quit: () => calls.push('quit'),
    exit: (code: number) => calls.push(`exit ${code}`),
    relaunch: (o: { args: string[] }) => calls.push(`relaunch ${o.args.join(' ')}`),
    disableHardwareAcceleration: () => calls.push('no hardware acceleration'),
    isPackaged: false,
  },
  Menu: { setApplicationMenu: (menu: unknown) => calls.push(`menu ${String(menu)}`) },
  powerMonitor: { on: () => {} },
  BrowserWindow: FakeWindow,
  screen: {
    getAllDisplays: () => displays,
    on: (event: string, listener: () => void) => screenEvents.on(event, listener),
  },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  net: { fetch: () => Promise.reject(new Error('not used')) },
}));

let applyGpuFallbackFlag: typeof ApplyGpuFallbackFlag;
let installKiosk: typeof InstallKiosk;
let keepWallWindows: typeof KeepWallWindows;
let quitGate: typeof QuitGateInstance;

const key = (key: string, code: string, mods: Record<string, boolean> = {}, type = 'keyDown') => ({
  key,
  code,
  type,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

function sendKey(window: FakeWindow, input: ReturnType<typeof key>): boolean {
  let prevented = false;
  window.webContents.emit(
    'before-input-event',
    { preventDefault: () => (prevented = true) },
    input,
  );
  return prevented;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(async () => {
  // Fresh modules per test: the quit gate is one per app, and a test may have quit it.
  vi.resetModules();
  ({ applyGpuFallbackFlag, installKiosk } = await import('../../../electron/main/kiosk-glue'));
  ({ keepWallWindows } = await import('../../../electron/main/wall-windows'));
  ({ quitGate } = await import('../../../electron/main/kiosk-window'));
  calls.length = 0;
  FakeWindow.all = [];
});

describe('kiosk glue', () => {
  afterEach(() => appEvents.removeAllListeners());

  it('turns hardware acceleration off only when relaunched with the fallback flag', () => {
    expect(applyGpuFallbackFlag(['exe', '--kiosk'])).toBe(false);
    expect(calls).toEqual([]);
    expect(applyGpuFallbackFlag(['exe', '--disable-gpu-after-crashes'])).toBe(true);
    expect(calls).toEqual(['no hardware acceleration']);
  });

  it('removes the menu, reloads on GPU crashes and relaunches once on the third', () => {
    const log: string[] = [];
    let reloads = 0;
    const handle = installKiosk({
      kiosk: true,
      log: (l) => log.push(l),
      reloadWalls: () => reloads++,
    });
    expect(calls).toEqual(['menu null']);
    const gone = { type: 'GPU', reason: 'crashed', exitCode: 1 };
    appEvents.emit('child-process-gone', {}, gone);
    appEvents.emit('child-process-gone', {}, gone);
    expect(reloads).toBe(2);
    appEvents.emit('child-process-gone', {}, gone);
    expect(calls.slice(1)).toEqual([
      `relaunch ${[...process.argv.slice(1), '--disable-gpu-after-crashes'].join(' ')}`,
      'exit 0',
    ]);
    expect(log.at(-1)).toMatch(/relaunching once with hardware acceleration off/);
    expect(handle.gpuStatus()).toBe('accelerated');
    expect(quitGate.closeVerdict(true)).toBe('allow'); // the relaunch must not be held up
  });
});

describe('wall windows in kiosk mode', () => {
  afterEach(() => {
    vi.useRealTimers();
    screenEvents.removeAllListeners();
  });

  it('disables DevTools, swallows breaking chords and pins the zoom', async () => {
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: () => {} });
    const [window] = FakeWindow.all;
    expect(window!.options.webPreferences.devTools).toBe(false);
    expect(sendKey(window!, key('r', 'KeyR', { control: true }))).toBe(true);
    expect(sendKey(window!, key('F12', 'F12'))).toBe(true);
    expect(sendKey(window!, key('1', 'Digit1'))).toBe(false);
    window!.webContents.emit('zoom-changed', {}, 'in');
    await flush();
    expect(calls).toContain('zoom 1');
    expect(calls).toContain('limits 1,1');
  });

  it('leaves a developer’s window alone outside kiosk mode', () => {
    keepWallWindows({ preloadPath: '/p', kiosk: false, log: () => {} });
    const [window] = FakeWindow.all;
    expect(window!.options.webPreferences.devTools).toBe(true);
    expect(sendKey(window!, key('r', 'KeyR', { control: true }))).toBe(false);
  });

  it('reloads a crashed renderer after 1 s, then 2 s, and ends a hung one first', () => {
    vi.useFakeTimers();
    const log: string[] = [];
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: (l) => log.push(l) });
    const [window] = FakeWindow.all;
    calls.length = 0;
    window!.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['load app://wall/index.html?display=0&displayId=7']);
    window!.emit('unresponsive');
    expect(calls.at(-1)).toBe('crash renderer');
    window!.webContents.emit('render-process-gone', {}, { reason: 'killed' });
    vi.advanceTimersByTime(2_000);
    expect(calls.at(-1)).toBe('load app://wall/index.html?display=0&displayId=7');
    expect(log).toEqual([
      'window 0: renderer gone (crashed); reloading in 1 s',
      'window 0: renderer unresponsive; ending it',
      'window 0: renderer gone (unresponsive, then killed); reloading in 2 s (crash 2 in a row)',
    ]);
  });

  it('refuses a close until the app quits, and reopens a window destroyed on its display', () => {
    vi.useFakeTimers();
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: () => {} });
    const [window] = FakeWindow.all;
    let prevented = false;
    window!.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    window!.destroy();
    vi.advanceTimersByTime(1_000);
    expect(FakeWindow.all).toHaveLength(2);
  });

  it('lets windows close once the app quits', () => {
    installKiosk({ kiosk: true, log: () => {}, reloadWalls: () => {} });
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: () => {} });
    appEvents.emit('before-quit');
    let prevented = false;
    FakeWindow.all[0]!.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    appEvents.removeAllListeners();
  });

  it('destroys the window of an unplugged display and does not reopen it', () => {
    vi.useFakeTimers();
    const log: string[] = [];
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: (l) => log.push(l) });
    const unplugged = displays.splice(0, 1);
    try {
      screenEvents.emit('display-removed');
      vi.advanceTimersByTime(1_000);
      expect(FakeWindow.all[0]!.destroyed).toBe(true);
      vi.advanceTimersByTime(5_000);
      expect(FakeWindow.all).toHaveLength(1);
      expect(log).toEqual(['display 7: gone; its window is closed']);
    } finally {
      displays.push(...unplugged);
    }
  });

  it('lets the quit chord through to the page and quits only when main is told to', () => {
    keepWallWindows({ preloadPath: '/p', kiosk: true, log: () => {} });
    const [window] = FakeWindow.all;
    const chord = key('Q', 'KeyQ', { control: true, alt: true, shift: true });
    expect(sendKey(window!, chord)).toBe(false);
    expect(sendKey(window!, key('q', 'KeyQ', { control: true }))).toBe(true);
    expect(calls).not.toContain('quit');
    expect(quitGate.closeVerdict(true)).toBe('prevent');
  });
});
