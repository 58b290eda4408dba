// One full-screen window per display, kept in step with the displays: a monitor plugged in
// later gets its window, an unplugged one's window closes. A renderer that crashes or hangs
// is reloaded with backoff, and in kiosk mode a wall window cannot be closed short of quitting
// (one that goes away anyway is reopened on its display), so a wall left alone for weeks
// comes back by itself.
import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type Display,
} from 'electron';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RendererWatch } from '../kiosk/crash-backoff';
import { wallWindowOptions } from '../kiosk/window-options';
import { APP_ORIGIN } from './app-protocol';
import { lockDownWindow, quitGate } from './kiosk-window';

export interface WindowOptions {
  preloadPath: string;
  kiosk: boolean;
  log: (line: string) => void;
}

export interface WallWindows {
  /** Reload every wall window (after a GPU process crash, whose windows may stay black). */
  reloadAll(): void;
}

export function keepWallWindows(options: WindowOptions): WallWindows {
  const windows = new Map<number, BrowserWindow>();
  const reconcile = () => {
    const displays = screen.getAllDisplays();
    const present = new Set(displays.map((d) => d.id));
    for (const [id, window] of windows) {
      if (present.has(id) && !window.isDestroyed()) continue;
      windows.delete(id);
      if (present.has(id)) continue; // closed on a display that is still there: reopened below
      // destroy(), not close(): the kiosk close guard refuses close() until the app quits.
      if (!window.isDestroyed()) window.destroy();
      options.log(`display ${id}: gone; its window is closed`);
    }
    displays.forEach((display, index) => {
      const window = windows.get(display.id);
      if (window) {
        window.setBounds(display.bounds);
        return;
      }
      const opened = openWallWindow(display, index, options);
      opened.on('closed', () => {
        const displayPresent = screen.getAllDisplays().some((d) => d.id === display.id);
        if (quitGate.afterClosed({ kiosk: options.kiosk, displayPresent }) === 'forget') return;
        options.log(`window ${index}: closed on display ${display.id}; reopening it`);
        later();
      });
      windows.set(display.id, opened);
    });
  };
  let pending: NodeJS.Timeout | null = null;
  // Displays announce themselves in bursts (added, then metrics-changed): settle first.
  const later = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(reconcile, 1_000);
  };
  screen.on('display-added', later);
  screen.on('display-removed', later);
  screen.on('display-metrics-changed', later);
  reconcile();
  return {
    reloadAll: () => {
      for (const window of windows.values()) if (!window.isDestroyed()) window.webContents.reload();
    },
  };
}

function openWallWindow(display: Display, index: number, options: WindowOptions): BrowserWindow {
  const windowOptions = wallWindowOptions({
    bounds: display.bounds,
    preloadPath: options.preloadPath,
    kiosk: options.kiosk,
  }) satisfies BrowserWindowConstructorOptions;
  const window = new BrowserWindow(windowOptions);
  // The id lets each display keep its own layout; the index is the fallback's guide when a
  // monitor is replaced (a new id) and the renderer looks for display 0's choice.
  const url = `${APP_ORIGIN}/index.html?display=${index}&displayId=${display.id}`;
  const load = () =>
    void window.loadURL(url).catch((error: Error) => {
      options.log(`window ${index}: load failed (${error.message})`);
    });
  window.once('ready-to-show', () => window.show());
  if (options.kiosk) {
    lockDownWindow(window);
    window.on('close', (event) => {
      if (quitGate.closeVerdict(options.kiosk) === 'prevent') event.preventDefault();
    });
  }
  watchRenderer(window, index, load, options.log);
  load();
  return window;
}

function watchRenderer(
  window: BrowserWindow,
  index: number,
  load: () => void,
  log: (line: string) => void,
): void {
  const watch = new RendererWatch(`window ${index}`);
  let timer: NodeJS.Timeout | null = null;
  window.webContents.on('render-process-gone', (_event, details) => {
    const step = watch.gone(performance.now(), details.reason);
    if (step.kind !== 'reload') return;
    log(step.line);
    timer = setTimeout(() => {
      timer = null;
      watch.reloaded();
      if (!window.isDestroyed()) load();
    }, step.delayMs);
  });
  window.on('unresponsive', () => {
    const step = watch.unresponsive();
    if (step.kind !== 'end-renderer') return;
    log(step.line);
    // Its 'render-process-gone' follows and schedules the reload.
    window.webContents.forcefullyCrashRenderer();
  });
  window.on('closed', () => {
    if (timer) clearTimeout(timer);
  });
}

export function preloadPath(outDir: string): string {
  return join(outDir, 'preload', 'index.cjs');
}
