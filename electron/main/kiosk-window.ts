// Electron glue for one wall window in kiosk mode: swallow the chords that would break the
// wall, pin the zoom, and turn the quit chord into a confirmation. The decisions live in
// electron/kiosk (pure, tested under Node); this file only wires them to Electron.
import { app, dialog, type BrowserWindow } from 'electron';
import { kioskShortcutVerdict, quitChordPressed } from '../kiosk/kiosk-shortcuts';
import { QUIT_DIALOG, QuitGate } from '../kiosk/quit-gate';

/** One per app: every window's close handler and the quit chord consult it. */
export const quitGate = new QuitGate();

export function lockDownWindow(window: BrowserWindow, log: (line: string) => void): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (quitChordPressed(input)) void confirmQuit(window, log);
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

export async function confirmQuit(window: BrowserWindow, log: (line: string) => void) {
  if (quitGate.requestQuit() === 'ignore') return;
  let response: number = QUIT_DIALOG.cancelId;
  try {
    response = (await dialog.showMessageBox(window, QUIT_DIALOG)).response;
  } catch (error) {
    log(`quit: the confirmation could not be shown (${(error as Error).message})`);
  }
  if (quitGate.answered(response) === 'stay') return;
  log('quit: confirmed at the wall (Ctrl+Alt+Shift+Q)');
  app.quit();
}
