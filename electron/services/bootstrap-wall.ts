// Starts the wall's services the same way for the Electron app and the preview host:
// configuration from a file (secrets decrypted) or the embedded demo, remembered layout and language,
// the broker and the gateway. Throws ConfigFileError (with every problem named) rather than
// start half-configured.
import { resolve } from 'node:path';
import { loadConfigFile } from '../settings/load-config-file';
import type { SecretCodec } from '../settings/protected-secrets';
import { demoSettings } from '../settings/demo-config';
import { SettingsMemory, type KeyValueStore } from '../settings/settings-store';
import type { SessionTimings } from '../streams/core/session-timings';
import { WallService } from './wall-service';

export interface BootstrapOptions {
  configFile: string | null;
  /** Decrypts secrets protected for this PC (Electron's safeStorage); null in the preview. */
  secretCodec?: SecretCodec | null;
  store: KeyValueStore | null;
  assetsDir: string;
  allowedOrigins: () => readonly string[];
  log: (line: string) => void;
  timings?: Partial<SessionTimings>;
}

export async function bootstrapWall(options: BootstrapOptions): Promise<WallService> {
  const configFile = options.configFile ? resolve(options.configFile) : null;
  const settings = configFile
    ? loadConfigFile(configFile, options.secretCodec ?? null)
    : demoSettings();
  const memory = options.store ? new SettingsMemory(options.store, configFile ?? 'demo') : null;
  return WallService.start({
    settings,
    configSource: configFile ? 'file' : 'demo',
    memory,
    assetsDir: options.assetsDir,
    allowedOrigins: options.allowedOrigins,
    log: options.log,
    ...(options.timings ? { timings: options.timings } : {}),
  });
}
