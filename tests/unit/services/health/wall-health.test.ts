import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSettings } from '../../../../electron/settings/demo-config';
import { WallHealth } from '../../../../electron/services/health/wall-health';
import { tempDir } from '../../health/log/helpers';
import { officeSchedule } from '../../../../electron/settings/schedule-field';

const schedule = officeSchedule(undefined);

describe('WallHealth', () => {
  it('records statuses and reports each centre with its cameras', () => {
    const settings = demoSettings();
    const camera = settings.cameras.find((c) => c.availability === 'installed')!;
    const health = WallHealth.open({
      dir: tempDir(),
      settings: () => settings,
      schedule: () => schedule,
      log: () => {},
    })!;
    health.onStatus({
      cameraId: camera.id,
      quality: 'sub',
      state: 'unreachable',
      reason: 'connection-refused',
      since: Date.now(),
      lastFrameAt: null,
      retryAt: null,
    });
    const site = health.summary().sites.find((s) => s.siteId === camera.siteId)!;
    expect(site.cameras.find((c) => c.cameraId === camera.id)).toMatchObject({
      state: 'unreachable',
      reason: 'connection-refused',
    });
    // A camera not installed yet is not a camera of the centre's record.
    const notInstalled = settings.cameras.find((c) => c.availability === 'not-installed')!;
    const empty = health.summary().sites.find((s) => s.siteId === notInstalled.siteId)!;
    expect(empty.cameras).toEqual([]);
    health.close();
  });

  it('answers a bad export range with words, and a good one with both tables', () => {
    const settings = demoSettings();
    const health = WallHealth.open({
      dir: tempDir(),
      settings: () => settings,
      schedule: () => schedule,
      log: () => {},
    })!;
    expect(health.exportCsv({ first: 'yesterday' })).toEqual({
      ok: false,
      error: 'The range must be { first, last } as YYYY-MM-DD dates.',
    });
    const today = new Date().toISOString().slice(0, 10);
    const csv = health.exportCsv({ first: today, last: today, locale: 'en' });
    expect(csv.ok && csv.value.outages.startsWith('\uFEFFCentre,')).toBe(true);
    health.close();
  });

  it('lets the wall run unrecorded when the log cannot be opened, and says so', () => {
    const blocked = join(tempDir(), 'not-a-folder');
    writeFileSync(blocked, 'a file where the folder should be');
    const lines: string[] = [];
    const health = WallHealth.open({
      dir: blocked,
      settings: () => demoSettings(),
      schedule: () => schedule,
      log: (line) => lines.push(line),
    });
    expect(health).toBeNull();
    expect(lines).toEqual([expect.stringMatching(/^health: the record cannot be kept in /)]);
  });
});
