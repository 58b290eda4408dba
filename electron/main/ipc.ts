// Registers the contract's request channels and forwards the service's events to every
// window. Payloads are `unknown`; WallService.handle validates them.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { WALL_REQUEST_CHANNELS, type Result } from '../contract/wall-contract';
import type { WallService } from '../services/wall-service';
import { isOwnFrame } from './web-security';

export function registerIpc(service: WallService, log: (line: string) => void): void {
  for (const channel of WALL_REQUEST_CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
        const fromOwnWindow = BrowserWindow.fromWebContents(event.sender) !== null;
        if (!fromOwnWindow || !isOwnFrame(event.senderFrame?.url)) {
          log(`ipc: refused ${channel} from a frame that is not the app's`);
          return { ok: false, error: 'Refused: not the app.' };
        }
        return service.handle(channel, payload);
      },
    );
  }
  service.onEvent((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    }
  });
}
