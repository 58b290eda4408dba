// The Electron main process: thin glue around the Electron-free services. Lifecycle, single
// instance and the one-off --protect-config; the wall itself starts as every host's does
// (start-wall.ts), with Electron's part in electron-host.ts.
import { app, dialog } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { createLogger } from '../logging/logger';
import { startWall } from '../services/start-wall';
import { parseCliArgs } from '../settings/cli-args';
import { ConfigFileError } from '../settings/load-config-file';
import { openStoreSafely } from '../settings/open-store-safely';
import { STORE_SCHEMA, resetStaffPin } from '../settings/settings-store';
import { protectConfigFile } from '../settings/protect-config-file';
import { registerAppScheme } from './app-protocol';
import { electronHost } from './electron-host';
import { applyGpuFallbackFlag } from './kiosk-glue';
import { safeStorageCodec } from './secret-codec';
import { hardenSessions } from './web-security';

const outDir = join(import.meta.dirname, '..');
const assetsDir = app.isPackaged
  ? join(process.resourcesPath, 'assets')
  : join(app.getAppPath(), 'assets');

// `--protect-config FILE` is a one-off command for IT, which may run while a wall is up: it
// takes no single-instance lock and opens no window.
const protectOnly = process.argv.includes('--protect-config');
// `--reset-pin` is the recovery for a forgotten staff PIN: only someone at the PC itself can
// run it (docs/staff.md). It forgets the hash and the wrong-try count, then exits; a running
// wall reads the store afresh and asks for a new PIN at the next staff action.
const resetPinOnly = process.argv.includes('--reset-pin');

// Before 'ready': a run relaunched after repeated GPU crashes draws in software.
applyGpuFallbackFlag();

if (protectOnly) {
  void app.whenReady().then(runProtectConfig);
} else if (resetPinOnly) {
  void app.whenReady().then(() => {
    // Opened as the wall opens it: a damaged store is kept aside and its last good copy used.
    const file = join(app.getPath('userData'), 'settings.json');
    resetStaffPin(
      openStoreSafely(() => new Store({ name: 'settings', schema: STORE_SCHEMA }), file).store,
    );
    console.log('One-Stop Wall: the staff PIN is forgotten; the next staff action sets a new one.');
    app.exit(0);
  });
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
  let wall;
  try {
    wall = await startWall(electronHost({ cli, log, outDir, assetsDir }));
  } catch (error) {
    const message = error instanceof ConfigFileError ? error.message : String(error);
    log(`start: ${message}`);
    dialog.showErrorBox('One-Stop Wall cannot start', message);
    app.exit(3);
    return;
  }
  app.on('before-quit', () => void wall.close());
}
