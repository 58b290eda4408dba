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

export async function startPreview(settings: WallSettingsFile | null): Promise<StartedPreview> {
  const logLines: string[] = [];
  let configFile: string | null = null;
  if (settings) {
    const dir = mkdtempSync(join(tmpdir(), 'wall-config-'));
    configFile = join(dir, 'wall.json');
    writeFileSync(configFile, JSON.stringify(settings, null, 2));
  }
  const host = await startPreviewHost({
    configFile,
    store: null,
    assetsDir: join(PROJECT_ROOT, 'assets'),
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    port: 0,
    log: (line) => logLines.push(line),
    // Shorter than the product's defaults so failures show within a test's time.
    timings: { noMediaTimeoutMs: 5_000, stallTimeoutMs: 3_000, lingerMs: 2_000 },
  });
  return { host, logLines };
}
