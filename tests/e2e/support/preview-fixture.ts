// Starts the real preview host (the wall's services + the built renderer) inside the test
// worker, so a test can also look at the broker (sessions, upstream connections).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import {
  startPreviewHost,
  type PreviewHost,
  type PreviewHostOptions,
} from '../../../electron/preview-host/preview-host';
import { ROUND_THE_CLOCK } from '../../../electron/settings/schedule-field';
import type { ProvisioningTuning } from '../../../electron/services/provisioning-wall';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';
import { STORE_SCHEMA } from '../../../electron/settings/settings-store';
import { PROJECT_ROOT } from '../../fixtures/media-server/media-server';

export interface StartedPreview {
  host: PreviewHost;
  logLines: string[];
}

/**
 * `dataDir`: a data folder, as the installed wall has one (the settings store, this PC's own
 * centres and cameras, the vault, the health log beside the store); without it the wall keeps nothing of its own.
 *
 * A configuration without a "schedule" keeps the default office hours, so it would show no
 * picture in the evening or at a weekend; the specs are about pictures at whatever hour they
 * run, so one without a schedule is written with `"always": true`. A spec about office hours
 * gives its own schedule, or `officeHours: 'as-written'` to run the file exactly as given.
 */
export async function startPreview(
  settings: WallSettingsFile | null,
  options: {
    dataDir?: string;
    officeHours?: 'round-the-clock' | 'as-written';
    provisioning?: ProvisioningTuning;
    heartbeat?: PreviewHostOptions['heartbeat'];
  } = {},
): Promise<StartedPreview> {
  const logLines: string[] = [];
  let configFile: string | null = null;
  if (settings) {
    const dir = mkdtempSync(join(tmpdir(), 'wall-config-'));
    configFile = join(dir, 'wall.json');
    const written =
      settings.schedule === undefined && options.officeHours !== 'as-written'
        ? { ...settings, schedule: ROUND_THE_CLOCK }
        : settings;
    writeFileSync(configFile, JSON.stringify(written, null, 2));
  }
  const host = await startPreviewHost({
    configFile,
    store: options.dataDir
      ? {
          open: () =>
            new Conf({ cwd: options.dataDir, configName: 'settings', schema: STORE_SCHEMA }),
          file: join(options.dataDir, 'settings.json'),
        }
      : null,
    assetsDir: join(PROJECT_ROOT, 'assets'),
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    port: 0,
    log: (line) => logLines.push(line),
    // Shorter than the product's defaults so failures show within a test's time.
    timings: { noMediaTimeoutMs: 5_000, stallTimeoutMs: 3_000, lingerMs: 2_000 },
    ...(options.provisioning ? { provisioning: options.provisioning } : {}),
    ...(options.heartbeat ? { heartbeat: options.heartbeat } : {}),
  });
  return { host, logLines };
}
