// Registers the contract's request channels, and delivers the service's events to every
// window. Payloads are `unknown`; the service validates them.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../contract/wall-contract';
import {
  WALL_REQUEST_CHANNELS,
  type WallEventChannel,
  type WallEvents,
} from '../contract/wall-verbs';
import type { WallService } from '../services/wall-service';
import { isOwnFrame } from './web-security';

export function registerIpc(
  service: Pick<WallService, 'handle'>,
  log: (line: string) => void,
): void {
  for (const channel of WALL_REQUEST_CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
        const fromOwnWindow = BrowserWindow.fromWebContents(event.sender) !== null;
        // Top-level frames only: a sub-frame of the app's page is not the app.
        const topLevel = event.senderFrame !== null && event.senderFrame?.parent === null;
        if (!fromOwnWindow || !topLevel || !isOwnFrame(event.senderFrame?.url)) {
          log(`ipc: refused ${channel} from a frame that is not the app's`);
          return { ok: false, error: 'Refused: not the app.' };
        }
        return service.handle(channel, payload);
      },
    );
  }
}

export function sendToAllWindows<C extends WallEventChannel>(
  channel: C,
  payload: WallEvents[C],
): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }
}
