// One full-screen window per display. A renderer that crashes or hangs is reloaded, so a
// wall left alone for weeks comes back by itself.
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-protocol';

export interface WindowOptions {
  preloadPath: string;
  kiosk: boolean;
  log: (line: string) => void;
}

export function openWallWindows(options: WindowOptions): BrowserWindow[] {
  return screen.getAllDisplays().map((display, index) => {
    const window = new BrowserWindow({
      x: display.bounds.x,
      y: display.bounds.y,
      width: display.bounds.width,
      height: display.bounds.height,
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
  });
}

export function preloadPath(outDir: string): string {
  return join(outDir, 'preload', 'index.cjs');
}
