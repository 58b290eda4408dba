// One full-screen window per display, kept in step with the displays: a monitor plugged in
// later gets its window, an unplugged one's window closes. A renderer that crashes or hangs
// is reloaded, so a wall left alone for weeks comes back by itself.
import { BrowserWindow, screen, type Display } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-protocol';

export interface WindowOptions {
  preloadPath: string;
  kiosk: boolean;
  log: (line: string) => void;
}

export function keepWallWindows(options: WindowOptions): void {
  const windows = new Map<number, BrowserWindow>();
  const reconcile = () => {
    const displays = screen.getAllDisplays();
    const present = new Set(displays.map((d) => d.id));
    for (const [id, window] of windows) {
      if (present.has(id) && !window.isDestroyed()) continue;
      windows.delete(id);
      if (!window.isDestroyed()) window.close();
      options.log(`display ${id}: gone; its window is closed`);
    }
    displays.forEach((display, index) => {
      const window = windows.get(display.id);
      if (window) {
        window.setBounds(display.bounds);
        return;
      }
      windows.set(display.id, openWallWindow(display, index, options));
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
}

function openWallWindow(display: Display, index: number, options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...display.bounds,
    fullscreen: true,
    kiosk: options.kiosk,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    show: false,
    title: 'One-Stop Wall',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A wall on a second monitor is never "focused"; it must not be throttled.
      backgroundThrottling: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`window ${index}: renderer gone (${details.reason}); reloading`);
    if (!window.isDestroyed()) window.reload();
  });
  window.on('unresponsive', () => {
    options.log(`window ${index}: unresponsive; reloading`);
    window.webContents.forcefullyCrashRenderer();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html?display=${index}`);
  return window;
}

export function preloadPath(outDir: string): string {
  return join(outDir, 'preload', 'index.cjs');
}
