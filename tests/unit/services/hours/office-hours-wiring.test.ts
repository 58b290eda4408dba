// Office hours through the real service and broker: outside hours every session closes and no
// viewer (a tile, the background watch) can open one; the health record says
// 'outside-hours'; staff with the PIN see the wall for 30 minutes; the renderer is told.
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeHoursStatus } from '../../../../electron/contract/office-hours';
import { STAFF_LOCKED_ERROR } from '../../../../electron/contract/staff-status';
import { HealthRecorder } from '../../../../electron/services/health/health-recorder';
import { OUTSIDE_HOURS_REASON } from '../../../../electron/services/office-hours-gate';
import { WallService } from '../../../../electron/services/wall-service';
import { demoSettings } from '../../../../electron/settings/demo-config';
import type { HealthRecord } from '../../../../electron/health/log/health-record';
import { fakeClocks } from './fake-clocks';

const MINUTE = 60_000;
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

let service: WallService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function startAt(iso: string) {
  const clocks = fakeClocks(vn(iso));
  const log: string[] = [];
  const events: OfficeHoursStatus[] = [];
  service = await WallService.start({
    settings: { ...demoSettings(), schedule: { timeZone: 'Asia/Ho_Chi_Minh' } },
    configSource: 'file',
    memory: null,
    assetsDir: '/nonexistent',
    allowedOrigins: () => ['app://wall'],
    log: (line) => log.push(line),
    now: clocks.now,
    hoursTimers: clocks.timers,
  });
  service.onEvent((channel, payload) => {
    if (channel === 'hours:changed') events.push(payload as OfficeHoursStatus);
  });
  return { wall: service, clocks, log, events };
}

function viewer() {
  const closed: string[] = [];
  return {
    closed,
    sink: { send: () => {}, bufferedBytes: () => 0, close: (r: string) => closed.push(r) },
  };
}

describe('office hours in the service', () => {
  it('closes every session at the end of hours and refuses new viewers until they resume', async () => {
    const { wall, clocks, events, log } = await startAt('2026-11-30T11:29:00');
    const tile = viewer();
    expect('detach' in wall.broker.attach('huyen-quay-1', 'sub', tile.sink)).toBe(true);
    expect(wall.broker.session('huyen-quay-1', 'sub')).toBeDefined();

    clocks.advance(MINUTE);
    expect(events.map((e) => e.showing)).toEqual([false]);
    expect(tile.closed).toEqual(['session closed']);
    expect(wall.broker.session('huyen-quay-1', 'sub')).toBeUndefined();
    expect(wall.statuses()).toEqual([]);
    expect(wall.broker.attach('cao-an-quay-1', 'sub', viewer().sink)).toEqual({
      error: OUTSIDE_HOURS_REASON,
    });
    expect(log).toContain(
      'office hours: outside working hours; every stream is closed until the wall shows again',
    );
    expect(await wall.handle('hours:get-status', undefined)).toEqual({
      ok: true,
      value: expect.objectContaining({ showing: false, nextChange: vn('2026-11-30T13:30:00') }),
    });

    clocks.advance(2 * 60 * MINUTE);
    expect(events.map((e) => e.showing)).toEqual([false, true]);
    expect('detach' in wall.broker.attach('cao-an-quay-1', 'sub', viewer().sink)).toBe(true);
  });

  it('the background watch lets go outside hours and watches every installed camera again after', async () => {
    const { wall, clocks, log } = await startAt('2026-11-30T11:29:00');
    const installed = demoSettings()
      .cameras.filter((c) => c.availability === 'installed')
      .map((c) => c.id)
      .sort();
    expect(wall.watch.holding().sort()).toEqual(installed);

    clocks.advance(MINUTE);
    expect(wall.watch.isPaused).toBe(true);
    expect(wall.watch.holding()).toEqual([]);
    expect(wall.broker.totalConnections).toBe(0);
    // It let go before the broker refused viewers: no refusal per camera in the log.
    expect(log.filter((line) => line.startsWith('watch: cannot watch'))).toEqual([]);

    clocks.advance(2 * 60 * MINUTE);
    expect(wall.watch.isPaused).toBe(false);
    expect(wall.watch.holding().sort()).toEqual(installed);
  });

  it('holds the broker from the start when the wall starts outside hours (no watch, no session)', async () => {
    const { wall } = await startAt('2026-11-29T09:00:00'); // a Sunday
    expect(wall.broker.held).toBe(true);
    expect(wall.statuses()).toEqual([]);
    expect(wall.broker.totalConnections).toBe(0);
  });

  it('shows the wall outside hours only to staff with the PIN, for 30 minutes', async () => {
    const { wall, clocks, events } = await startAt('2026-11-30T20:00:00');
    expect(await wall.handle('hours:show-outside', { show: true })).toEqual({
      ok: false,
      error: STAFF_LOCKED_ERROR,
    });
    expect(await wall.handle('hours:show-outside', 'yes')).toMatchObject({ ok: false });
    expect(wall.broker.held).toBe(true);

    await wall.handle('staff:set-pin', { pin: '2468' });
    const shown = await wall.handle('hours:show-outside', { show: true });
    expect(shown).toEqual({
      ok: true,
      value: expect.objectContaining({ showing: true, overrideUntil: vn('2026-11-30T20:30:00') }),
    });
    expect(wall.broker.held).toBe(false);
    expect('detach' in wall.broker.attach('huyen-quay-1', 'sub', viewer().sink)).toBe(true);

    clocks.advance(30 * MINUTE);
    expect(events.map((e) => e.showing)).toEqual([true, false]);
    expect(wall.broker.held).toBe(true);
  });
});

describe('the health record outside hours', () => {
  it('records every installed camera as outside-hours, ignores closing sessions, then unwatched', () => {
    const records: HealthRecord[] = [];
    const cameras = [
      { id: 'a', availability: 'installed' as const },
      { id: 'b', availability: 'disabled' as const },
      { id: 'c', availability: 'not-installed' as const },
    ];
    const recorder = new HealthRecorder(
      { append: (r: HealthRecord) => records.push(r) } as never,
      cameras,
      () => 1,
    );
    records.length = 0;
    recorder.outsideHours();
    expect(records.map((r) => [r.cameraId, r.state])).toEqual([
      ['a', 'outside-hours'],
      ['b', 'disabled'],
    ]);
    recorder.onStatus({
      cameraId: 'a',
      quality: 'sub',
      state: 'idle',
      since: 1,
      lastFrameAt: null,
      retryAt: null,
    });
    expect(records).toHaveLength(2);
    recorder.withinHours();
    recorder.withinHours(); // once only
    expect(records.slice(2).map((r) => [r.cameraId, r.state])).toEqual([
      ['a', 'unwatched'],
      ['b', 'disabled'],
    ]);
  });
});
