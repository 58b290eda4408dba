import { afterEach, describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';
import { healthSummary } from '../../../../electron/services/health/health-summary';
import { TestClock, tempDir } from '../../health/log/helpers';

// Monday 30 November 2026 in Hà Nội (UTC+7): hours 07:00-11:30 and 13:30-17:00.
const local = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 7, mm);
const schedule = defaultSchedule('Asia/Ho_Chi_Minh');
const logs: HealthLog[] = [];
afterEach(() => logs.splice(0).forEach((log) => log.close()));

function wall() {
  const clock = new TestClock(local(6));
  const log = HealthLog.open({ dir: tempDir(), now: clock.now });
  logs.push(log);
  const set = (cameraId: string, state: 'live' | 'unreachable' | 'no-media', at: number) => {
    clock.t = at;
    log.append({ at, cameraId, state });
  };
  return { clock, log, set };
}

const input = (now: number) => ({
  sites: [{ id: 'huyen' }, { id: 'cam-vu' }],
  cameras: [
    { id: 'huyen-1', siteId: 'huyen', availability: 'installed' },
    { id: 'huyen-2', siteId: 'huyen', availability: 'installed' },
    { id: 'cam-vu-1', siteId: 'cam-vu', availability: 'not-installed' },
  ],
  schedule,
  now,
});

describe('healthSummary', () => {
  it('gives availability during office hours today, this week and this month, by hand', () => {
    const { set, log } = wall();
    set('huyen-1', 'live', local(7));
    set('huyen-2', 'live', local(7));
    set('huyen-1', 'unreachable', local(9));
    const summary = healthSummary(log, input(local(10)));
    const [huyen, camVu] = summary.sites;
    // huyen-1: live 07:00-09:00, down 09:00-10:00 → 2 of 3 office hours. The app started at
    // 06:00 today, so the earlier days of the week and month count as app-not-running.
    expect(huyen!.cameras[0]).toMatchObject({
      cameraId: 'huyen-1',
      state: 'unreachable',
      since: local(9),
      availability: { today: 2 / 3, week: 2 / 3, month: 2 / 3 },
      lastOutage: { start: local(9), end: null, state: 'unreachable' },
    });
    expect(huyen!.cameras[1]!.lastOutage).toBeNull();
    // The centre: 5 of 6 camera-hours; it still shows a picture, so it is not down.
    expect(huyen!.availability.today).toBeCloseTo(5 / 6, 12);
    expect(huyen!.down).toBe(false);
    expect(huyen!.days.map((d) => d.date)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(huyen!.days.slice(0, 6).every((d) => d.availability === null)).toBe(true);
    expect(huyen!.days[6]!.availability).toBeCloseTo(5 / 6, 12);
    // A centre whose only camera is not installed yet has no figures and no alarm.
    expect(camVu).toMatchObject({ cameras: [], down: false, availability: { today: null } });
  });

  it('says a centre is down, and since when, when every camera is', () => {
    const { set, log } = wall();
    set('huyen-1', 'live', local(7));
    set('huyen-2', 'live', local(7));
    set('huyen-1', 'unreachable', local(8));
    set('huyen-2', 'unreachable', local(8, 30));
    const [huyen] = healthSummary(log, input(local(14))).sites;
    expect(huyen).toMatchObject({ down: true, downSince: local(8, 30) });
    // 07:00-11:30 and 13:30-14:00 is 5 h of office time; huyen-1 was up 1 h, huyen-2 1.5 h.
    expect(huyen!.availability.today).toBeCloseTo(2.5 / 10, 12);
  });
});

describe('healthSummary lastOutage', () => {
  it('keeps an outage that has ended, with its end, for the status view to say how long', () => {
    const { set, log } = wall();
    set('huyen-1', 'live', local(7));
    set('huyen-1', 'no-media', local(9, 10));
    set('huyen-1', 'live', local(9, 25));
    const [huyen] = healthSummary(log, input(local(10))).sites;
    expect(huyen!.cameras[0]).toMatchObject({
      state: 'live',
      lastOutage: { start: local(9, 10), end: local(9, 25), state: 'no-media' },
    });
  });
});
