// Starts the real preview host (the wall's services + the built renderer) inside the test
// worker, so a test can also look at the broker (sessions, upstream connections).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewHost, type PreviewHost } from '../../../electron/preview-host/preview-host';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';
import { PROJECT_ROOT } from '../../fixtures/media-server/media-server';

export interface StartedPreview {
  host: PreviewHost;
  logLines: string[];
}

/** A store in memory whose file names the data folder (the health log goes beside it). */
function memoryStore(dataDir: string) {
  const values = new Map<string, unknown>();
  return {
    file: join(dataDir, 'settings.json'),
    open: () => ({
      get: (key: string) => values.get(key),
      set: (key: string, value: unknown) => void values.set(key, value),
    }),
  };
}

export async function startPreview(
  settings: WallSettingsFile | null,
  options: { dataDir?: string } = {},
): Promise<StartedPreview> {
  const logLines: string[] = [];
  let configFile: string | null = null;
  if (settings) {
    const dir = mkdtempSync(join(tmpdir(), 'wall-config-'));
    configFile = join(dir, 'wall.json');
    writeFileSync(configFile, JSON.stringify(settings, null, 2));
  }
  const host = await startPreviewHost({
    configFile,
    // With a data folder the wall keeps its health record (the status view reads it).
    store: options.dataDir ? memoryStore(options.dataDir) : null,
    assetsDir: join(PROJECT_ROOT, 'assets'),
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    port: 0,
    log: (line) => logLines.push(line),
    // Shorter than the product's defaults so failures show within a test's time.
    timings: { noMediaTimeoutMs: 5_000, stallTimeoutMs: 3_000, lingerMs: 2_000 },
  });
  return { host, logLines };
}
