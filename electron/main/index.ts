// The Electron main process: thin glue around the Electron-free services. Lifecycle,
// single instance, windows, kiosk, power-save blocking, electron-store, IPC.
import { app, dialog, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../logging/logger';
import { bootstrapWall } from '../services/bootstrap-wall';
import type { WallService } from '../services/wall-service';
import { parseCliArgs } from '../settings/cli-args';
import { describeConfigLocation, locateConfig } from '../settings/config-location';
import { ConfigFileError } from '../settings/load-config-file';
import { openStoreSafely } from '../settings/open-store-safely';
import { protectConfigFile } from '../settings/protect-config-file';
import { REMEMBERED_SCHEMA } from '../settings/settings-store';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { safeStorageCodec } from './secret-codec';
import { keepWallWindows, preloadPath } from './wall-windows';
import { hardenSessions } from './web-security';

const outDir = join(import.meta.dirname, '..');
const assetsDir = app.isPackaged
  ? join(process.resourcesPath, 'assets')
  : join(app.getAppPath(), 'assets');

// `--protect-config FILE` is a one-off command for IT, which may run while a wall is up: it
// takes no single-instance lock and opens no window.
const protectOnly = process.argv.includes('--protect-config');

if (protectOnly) {
  void app.whenReady().then(runProtectConfig);
} else if (!app.requestSingleInstanceLock()) {
  // Another wall is already running on this PC; it stays as it is.
  app.quit();
} else {
  registerAppScheme();
  // A packaged wall keeps running with no window: a monitor that powers off can vanish as a
  // display, and its window comes back when it does. A developer's window closes the app.
  app.on('window-all-closed', () => {
    if (!app.isPackaged) app.quit();
  });
  void app.whenReady().then(start);
}

function cliArgs() {
  return parseCliArgs(process.argv.slice(app.isPackaged ? 1 : 2));
}

function runProtectConfig(): void {
  try {
    const file = cliArgs().protectConfig;
    if (file) console.log(protectConfigFile(file, safeStorageCodec()));
    app.exit(0);
  } catch (error) {
    console.error((error as Error).message);
    app.exit(3);
  }
}

async function start(): Promise<void> {
  const log = createLogger({ file: join(app.getPath('userData'), 'wall.log') });
  hardenSessions();
  let cli;
  try {
    cli = cliArgs();
  } catch (error) {
    dialog.showErrorBox('One-Stop Wall', (error as Error).message);
    app.exit(2);
    return;
  }
  const secretCodec = safeStorageCodec();
  if (secretCodec.weak) {
    log(
      'credentials: this PC has no key store (Linux basic_text); protected secrets in the configuration are only obscured, not encrypted. Restrict who can read the configuration file.',
    );
  }
  const opened = openStoreSafely(
    () => new Store({ name: 'settings', schema: REMEMBERED_SCHEMA }),
    join(app.getPath('userData'), 'settings.json'),
  );
  if (opened.warning) log(`settings: ${opened.warning}`);

  const config = locateConfig({
    argument: cli.configFile,
    environment: process.env.ONE_STOP_WALL_CONFIG,
    dataFolderFile: join(app.getPath('userData'), 'wall.json'),
    exists: existsSync,
  });
  log(`start: ${describeConfigLocation(config)}`);
  let service: WallService;
  try {
    service = await bootstrapWall({
      configFile: config.file,
      secretCodec,
      store: opened.store,
      assetsDir,
      allowedOrigins: () => [APP_ORIGIN],
      log,
    });
  } catch (error) {
    const message = error instanceof ConfigFileError ? error.message : String(error);
    log(`start: ${message}`);
    dialog.showErrorBox('One-Stop Wall cannot start', message);
    app.exit(3);
    return;
  }
  serveRenderer(join(outDir, 'renderer'), () => `ws://127.0.0.1:${service.gateway.listeningPort}`);
  registerIpc(service, log);
  // An always-on wall must keep the display awake.
  powerSaveBlocker.start('prevent-display-sleep');
  keepWallWindows({
    preloadPath: preloadPath(outDir),
    kiosk: app.isPackaged || process.argv.includes('--kiosk'),
    log,
  });
  app.on('child-process-gone', (_event, details) => {
    // The GPU or a utility process: Electron restarts them; the log says it happened.
    log(`process ${details.type} gone (${details.reason}, exit ${details.exitCode})`);
  });
  // An office PC's wall starts with the session; IT can opt out with the environment.
  if (app.isPackaged && !process.env.ONE_STOP_WALL_NO_AUTOSTART) {
    app.setLoginItemSettings({ openAtLogin: true });
  }
  app.on('before-quit', () => void service.close());
}
