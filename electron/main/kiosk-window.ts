// Electron glue for one wall window in kiosk mode: swallow the chords that would break the
// wall and pin the zoom. The quit chord reaches the page, which makes quitting a staff action
// (PIN, confirmation, `wall:quit`). The decisions live in electron/kiosk (pure, tested under
// Node); this file only wires them to Electron.
import type { BrowserWindow } from 'electron';
import { kioskShortcutVerdict } from '../kiosk/kiosk-shortcuts';
import { QuitGate } from '../kiosk/quit-gate';

/** One per app: every window's close handler consults it. */
export const quitGate = new QuitGate();

export function lockDownWindow(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (kioskShortcutVerdict(input) === 'block') event.preventDefault();
  });
  // Ctrl+wheel and pinch: Electron reports the wish, the wall stays at 100 %.
  const pinZoom = () => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  };
  contents.on('zoom-changed', pinZoom);
  contents.on('did-finish-load', pinZoom);
  // Windows ends the session by closing windows: the close guard must let that through.
  window.on('session-end', () => quitGate.markQuitting());
}
