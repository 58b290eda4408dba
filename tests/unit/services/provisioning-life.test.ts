// The provisioning wiring, continued: a bundle's layouts and office hours on the running wall,
// when the poller does not start, its period and its end with the wall.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWall } from '../../../electron/services/start-wall';
import { T0, signed } from '../provisioning/bundle-fixtures';
import { bundle, notice, pc, start, started, host } from './provisioned-pc';

afterEach(async () => {
  for (const wall of started.splice(0)) await wall.close();
});

describe('provisioning wired into the wall: parts and life cycle', () => {
  it('a bundle that manages layouts changes the wall layout, unless staff saved their own', async () => {
    const place = pc();
    const wall = await start(place);
    const templates = () => wall.service.snapshot().layouts.map((l) => l.template);
    expect(templates()).toEqual(['2x2']);
    const layout = { preset: '3x3', cameraIds: [null, 'huyen-1'] };
    writeFileSync(
      join(place.bundles, 'l.owb'),
      signed(bundle({ manages: ['layouts'], config: { layout } })),
    );
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    // The file's own order first ("config"), then all centres, both on the new preset.
    expect(templates()).toEqual(['3x3', '3x3']);
    // Staff saved a layout: from then on the layouts are theirs.
    await wall.service.handle('staff:set-pin', { pin: '2468' });
    const grid = { columns: 1, rows: 1, tiles: [] };
    const saved = { id: 'mine', name: 'Mine', template: '1', grid, cameras: 'all' };
    expect(await wall.service.handle('layouts:save', saved)).toMatchObject({ ok: true });
    const next = { preset: '2x2', cameraIds: ['huyen-1'] };
    writeFileSync(
      join(place.bundles, 'm.owb'),
      signed(bundle({ sequence: 8, manages: ['layouts'], config: { layout: next } })),
    );
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(place.bundles, 'm.owb'), later, later);
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    expect(templates()).toEqual(['3x3', '3x3', '1']);
  });

  it('a bundle that manages office hours opens and closes the running wall', async () => {
    const place = pc();
    const wall = await start(place);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const hours = (range: string[]) => ({
      timeZone: 'Asia/Ho_Chi_Minh',
      weekly: Object.fromEntries(days.map((d) => [d, range])),
    });
    const publish = async (sequence: number, schedule: unknown) => {
      const file = join(place.bundles, `s-${sequence}.owb`);
      writeFileSync(
        file,
        signed(bundle({ sequence, manages: ['schedule'], config: { schedule } })),
      );
      const later = new Date(Date.now() + sequence * 60_000);
      utimesSync(file, later, later);
      expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    };
    await publish(8, hours(['00:00-24:00']));
    expect(wall.service.hours.current()).toMatchObject({ inHours: true, showing: true });
    await publish(9, hours([]));
    expect(wall.service.hours.current()).toMatchObject({ inHours: false, showing: false });
  });

  it('does not poll without a data folder (no replay counter), and says so', async () => {
    const place = pc();
    const log: string[] = [];
    const wall = await startWall({ ...host(place, log), store: null });
    started.push(wall);
    expect(wall.provisioning).toBeNull();
    expect(await notice(wall)).toMatchObject({
      severity: 'error',
      message: { vi: 'Máy này không có thư mục dữ liệu nên không nhận gói cấu hình.' },
    });
    expect(log).toContainEqual(
      expect.stringMatching(/^provisioning: not started: this wall keeps no data folder/),
    );
  });

  it('polls on the configured period and stops when the wall closes', async () => {
    const place = pc();
    const armed: { ms: number; id: number }[] = [];
    const cleared: unknown[] = [];
    const timers = {
      set: (_run: () => void, ms: number) =>
        armed[armed.push({ ms, id: armed.length + 1 }) - 1]!.id,
      clear: (handle: unknown) => void cleared.push(handle),
    };
    const wall = await startWall({ ...host(place, []), provisioning: { now: () => T0, timers } });
    await wall.provisioning!.pollOnce();
    await vi.waitFor(() => expect(armed).toHaveLength(1));
    expect(armed[0]!.ms).toBe(5 * 60_000);
    await wall.close();
    expect(cleared).toEqual([armed[0]!.id]);
  });

  it('is not started without a provisioning field', async () => {
    const place = pc();
    const doc = JSON.parse(readFileSync(place.config, 'utf8'));
    delete doc.provisioning;
    writeFileSync(place.config, JSON.stringify(doc));
    const wall = await start(place);
    expect(wall.provisioning).toBeNull();
  });
});
