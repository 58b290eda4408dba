// `npm run preview [-- --config FILE] [-- --port N]`: runs the preview host until Ctrl+C.
// The first URL it prints is the one to open.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { createLogger } from '../logging/logger';
import { parseCliArgs } from '../settings/cli-args';
import { ConfigFileError } from '../settings/load-config-file';
import { STORE_SCHEMA } from '../settings/settings-store';
import { startPreviewHost } from './preview-host';

const DEFAULT_PORT = 4780;

async function main(): Promise<void> {
  const log = createLogger();
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${(error as Error).message}. Usage: npm run preview -- [--config FILE] [--port N] [--reset-pin]`,
    );
    process.exit(2);
  }
  const projectRoot = resolve(import.meta.dirname, '../..');
  const dataDir = process.env.ONE_STOP_WALL_DATA_DIR ?? join(projectRoot, '.tmp', 'preview-data');
  try {
    const host = await startPreviewHost({
      configFile: cli.configFile,
      configEnvironment: process.env.ONE_STOP_WALL_CONFIG,
      store: {
        open: () => new Conf({ cwd: dataDir, configName: 'settings', schema: STORE_SCHEMA }),
        file: join(dataDir, 'settings.json'),
      },
      assetsDir: join(projectRoot, 'assets'),
      rendererDir: join(projectRoot, 'out', 'renderer'),
      port: cli.port ?? DEFAULT_PORT,
      resetPin: cli.resetPin,
      appVersion: packageVersion(projectRoot),
      log,
      // Staff quit the wall: the host has closed everything, so the process ends.
      onQuit: () => process.exit(0),
    });
    // The first URL in the output is the one to open (tests and people rely on it).
    console.log(`One-Stop Wall preview: open ${host.url}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ConfigFileError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}

void main();

function packageVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}
