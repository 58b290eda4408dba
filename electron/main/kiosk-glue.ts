// Electron glue for the kiosk as a whole: no menu, the GPU crash policy, autostart, and the
// quit state. Call applyGpuFallbackFlag before the app is ready and installKiosk once it is.
import { app, Menu, powerMonitor } from 'electron';
import { homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { windowsLoginItem } from '../kiosk/autostart-entry';
import { describeAutostart, syncLinuxAutostart } from '../kiosk/autostart-file';
import {
  GPU_STATUS_TEXT,
  GpuCrashPolicy,
  gpuRelaunchOptions,
  hasGpuFallbackFlag,
  type GpuStatus,
} from '../kiosk/gpu-crash-policy';
import { quitGate } from './kiosk-window';

/** Before 'ready': a run relaunched after GPU crashes draws in software. */
export function applyGpuFallbackFlag(argv: readonly string[] = process.argv): boolean {
  const off = hasGpuFallbackFlag(argv);
  if (off) app.disableHardwareAcceleration();
  return off;
}

export interface KioskOptions {
  kiosk: boolean;
  log: (line: string) => void;
  /** Reloads every wall window (keepWallWindows(...).reloadAll). */
  reloadWalls: () => void;
}

export interface KioskHandle {
  gpuStatus: () => GpuStatus;
  gpuStatusText: () => { vi: string; en: string };
}

export function installKiosk(options: KioskOptions): KioskHandle {
  const { log } = options;
  app.on('before-quit', () => quitGate.markQuitting());
  // Linux and macOS announce a shutdown here; the close guard must not hold it up.
  powerMonitor.on('shutdown', () => quitGate.markQuitting());
  if (options.kiosk) Menu.setApplicationMenu(null);

  const gpu = new GpuCrashPolicy(hasGpuFallbackFlag(process.argv));
  const startLine = gpu.startLine();
  if (startLine) log(startLine);
  app.on('child-process-gone', (_event, details) => {
    // A monotonic clock: a wall clock corrected by NTP must not bend the 10-minute window.
    const step = gpu.onChildGone(details, performance.now());
    log(step.line);
    if (step.kind === 'reload-windows') options.reloadWalls();
    if (step.kind === 'relaunch-without-gpu') {
      quitGate.markQuitting();
      app.relaunch(gpuRelaunchOptions(process.argv, process.env));
      app.exit(0);
    }
  });
  syncAutostart(log);
  return { gpuStatus: () => gpu.status, gpuStatusText: () => GPU_STATUS_TEXT[gpu.status] };
}

function syncAutostart(log: (line: string) => void): void {
  // A developer's checkout must not start itself at login.
  if (!app.isPackaged) return;
  try {
    if (process.platform === 'linux') {
      const home = homedir();
      log(
        describeAutostart(
          syncLinuxAutostart({ env: process.env, home, execPath: process.execPath }),
        ),
      );
    } else {
      const item = windowsLoginItem(process.env);
      app.setLoginItemSettings(item);
      log(`autostart: login item ${item.openAtLogin ? 'on' : 'off (ONE_STOP_WALL_NO_AUTOSTART)'}`);
    }
  } catch (error) {
    // A read-only home or a locked registry must not stop the wall from showing.
    log(`autostart: ${(error as Error).message}`);
  }
}
