// The Electron app as a host of the wall (start-wall.ts): what only Electron does. The
// renderer from app://wall, IPC, one window per display, the display kept awake in office
// hours, safeStorage for secrets and electron-store for what the wall remembers, all under the
// app's data folder.
import { app, clipboard, nativeImage, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { DisplayAwake } from '../kiosk/display-awake';
import type { LogLine } from '../logging/logger';
import type { CliOptions } from '../settings/cli-args';
import { STORE_SCHEMA } from '../settings/settings-store';
import type { HostServing, WallHost } from '../services/start-wall';
import { APP_ORIGIN, serveRenderer } from './app-protocol';
import { registerIpc, sendToAllWindows } from './ipc';
import { safeStorageCodec } from './secret-codec';
import { installKiosk } from './kiosk-glue';
import { keepWallWindows, preloadPath } from './wall-windows';

export function electronHost(options: {
  cli: CliOptions;
  log: LogLine;
  /** The build's output folder (out/), holding renderer/ and preload/. */
  outDir: string;
  assetsDir: string;
}): WallHost<HostServing> {
  const { log, outDir } = options;
  const userData = app.getPath('userData');
  return {
    log,
    config: {
      argument: options.cli.configFile,
      environment: process.env.ONE_STOP_WALL_CONFIG,
      dataFolderFile: join(userData, 'wall.json'),
    },
    secretCodec: safeStorageCodec(),
    store: {
      open: () => new Store({ name: 'settings', schema: STORE_SCHEMA }),
      file: join(userData, 'settings.json'),
    },
    assetsDir: options.assetsDir,
    // Snapshots: Pictures/One-Stop Wall unless the settings name a folder, and the clipboard.
    snapshots: {
      defaultFolder: join(app.getPath('pictures'), 'One-Stop Wall'),
      copyImage: (png) => clipboard.writeImage(nativeImage.createFromBuffer(png)),
    },
    allowedOrigins: () => [APP_ORIGIN],
    // Staff quit with the PIN; the kiosk's close guard lets windows close once quitting.
    quit: () => app.quit(),
    appVersion: app.getVersion(),
    async serve(service) {
      serveRenderer(
        join(outDir, 'renderer'),
        () => `ws://127.0.0.1:${service.gateway.listeningPort}`,
      );
      registerIpc(service, log);
      // The display stays awake while the wall shows cameras; outside office hours it may sleep.
      const awake = new DisplayAwake(
        {
          start: () => powerSaveBlocker.start('prevent-display-sleep'),
          stop: (id) => powerSaveBlocker.stop(id),
        },
        log,
      );
      awake.follow(service.hours.current().showing);
      service.onEvent((channel) => {
        if (channel === 'hours:changed') awake.follow(service.hours.current().showing);
      });
      const kiosk = app.isPackaged || process.argv.includes('--kiosk');
      const walls = keepWallWindows({ preloadPath: preloadPath(outDir), kiosk, log });
      // No menu, GPU crash policy, autostart (login item / XDG entry), quit state: docs/kiosk.md.
      installKiosk({ kiosk, log, reloadWalls: walls.reloadAll });
      return { push: sendToAllWindows, close: async () => {} };
    },
  };
}
