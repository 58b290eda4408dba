import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pcCheckCameraId } from '../../../electron/contract/pc-check';
import { HealthLog } from '../../../electron/health/log/health-log';
import type { PcCheckReport } from '../../../electron/contract/pc-check';
import { WallService } from '../../../electron/services/wall-service';
import { demoSettings } from '../../../electron/settings/demo-config';
import { tempDir } from '../health/log/helpers';
import { measured } from './health/pc-check-fixture';

let service: WallService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

describe('the PC check in the wall service', () => {
  it('plays its demo streams without recording or pushing them, and keeps the result', async () => {
    const healthDir = tempDir();
    const settings = { ...demoSettings(), layout: { preset: '1x1' as const, cameraIds: [null] } };
    service = await WallService.start({
      settings,
      configSource: 'demo',
      memory: null,
      assetsDir: join(import.meta.dirname, '../../../assets'),
      allowedOrigins: () => ['app://wall'],
      log: () => {},
      healthDir,
    });
    const pushed: string[] = [];
    service.onEvent((channel, payload) => {
      const id = channel === 'streams:status' ? (payload as { cameraId: string }).cameraId : '';
      if (id.startsWith('~')) pushed.push(id);
    });
    const viewer = service.broker.attach(pcCheckCameraId(2), 'sub', {
      send: () => {},
      bufferedBytes: () => 0,
      close: () => {},
    });
    if (!('detach' in viewer)) throw new Error(viewer.error);
    await expect
      .poll(() => service!.broker.session(pcCheckCameraId(2), 'sub')?.currentStatus.state)
      .toBe('live');
    viewer.detach();
    expect(pushed).toEqual([]);

    const before = (await service.handle('health:get-pc-check', undefined)) as {
      value: PcCheckReport;
    };
    expect(before.value).toMatchObject({
      renderer: null,
      persistent: true,
      clock: { problem: null },
    });
    expect(await service.handle('health:save-pc-check', { nonsense: true })).toMatchObject({
      ok: false,
    });
    const saved = await service.handle('health:save-pc-check', measured(4));
    expect(saved).toMatchObject({ ok: true, value: { renderer: { decode: { tiles: 4 } } } });

    await service.close();
    service = null;
    const log = HealthLog.open({ dir: healthDir, now: Date.now });
    const recorded = log.read(0, Date.now() + 1).records.map((r) => r.cameraId);
    log.close();
    expect(recorded).toContain('huyen-quay-1');
    expect(recorded.filter((id) => id.startsWith('~'))).toEqual([]);
  });
});
