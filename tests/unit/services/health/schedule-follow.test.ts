// Office hours changed on the running wall (a signed bundle, IT's file fixed) reach the status
// view's availability at once: the figures are counted against the schedule in force, read from
// the same controller that opens and closes the wall, as a fresh start would count them.
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamState } from '../../../../electron/contract/wall-contract';
import { WallHealth } from '../../../../electron/services/health/wall-health';
import { OfficeHoursController } from '../../../../electron/services/office-hours-controller';
import { demoSettings } from '../../../../electron/settings/demo-config';
import { officeSchedule } from '../../../../electron/settings/schedule-field';
import { fakeClocks } from '../hours/fake-clocks';
import { tempDir } from '../../health/log/helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONE = 'Asia/Ho_Chi_Minh';
// Monday 30 November 2026 in Hà Nội; the default hours are 07:00-11:30 and 13:30-17:00.
const vn = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+07:00`);

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function wallAt(hhmm: string) {
  const all = demoSettings();
  const camera = all.cameras.find((c) => c.availability === 'installed')!;
  const settings = {
    ...all,
    sites: all.sites.filter((s) => s.id === camera.siteId),
    cameras: [camera],
  };
  const clocks = fakeClocks(vn(hhmm));
  let health: WallHealth | null = null;
  const hours = new OfficeHoursController({
    schedule: officeSchedule({ timeZone: ZONE }),
    onChange: (status) => health?.setOutsideHours(!status.showing),
    log: () => {},
    now: clocks.now,
    timers: clocks.timers,
  });
  // Wired as the service wires it: health reads the controller's schedule, never a copy.
  health = WallHealth.open({
    dir: tempDir(),
    settings: () => settings,
    schedule: () => hours.schedule,
    log: () => {},
    now: clocks.now,
  })!;
  health.setOutsideHours(!hours.current().showing);
  closers.push(
    () => health.close(),
    () => hours.close(),
  );
  const status = (state: StreamState) =>
    health.onStatus({
      cameraId: camera.id,
      quality: 'sub',
      state,
      since: clocks.now(),
      lastFrameAt: null,
      retryAt: null,
    });
  const today = () => {
    const site = health.summary().sites[0]!;
    return { centre: site.availability.today, bar: site.days[site.days.length - 1]!.availability };
  };
  return { clocks, hours, status, today };
}

describe('availability on a schedule changed mid-day', () => {
  it('counts the hours the new schedule opened from the moment it is applied', () => {
    const { clocks, hours, status, today } = wallAt('06:30');
    clocks.advance(30 * MINUTE); // 07:00: the wall opens
    status('live');
    clocks.advance(4 * HOUR); // 11:00
    status('unreachable');
    clocks.advance(30 * MINUTE); // 11:30: closed for lunch, the record says outside hours
    clocks.advance(30 * MINUTE); // 12:00
    // 4 h up, 30 min down in the morning's 4 h 30 min.
    expect(today()).toEqual({ centre: 4 / 4.5, bar: 4 / 4.5 });

    // IT's bundle keeps the centre open through lunch; the wall shows again at once.
    hours.setSchedule(officeSchedule({ timeZone: ZONE, weekly: { mon: ['07:00-17:00'] } }));
    expect(hours.current().showing).toBe(true);
    status('live');
    clocks.advance(HOUR); // 13:00

    // 11:30-12:00 was recorded outside hours: neither up nor down. 12:00-13:00 now counts (the
    // old schedule would still say 4/4.5, leaving this hour of pictures out).
    expect(today()).toEqual({ centre: 5 / 5.5, bar: 5 / 5.5 });
  });

  it('stops counting the hours a new schedule closes, in its own time zone', () => {
    const { clocks, hours, status, today } = wallAt('07:00');
    status('live');
    clocks.advance(2 * HOUR); // 09:00
    status('unreachable');
    clocks.advance(HOUR); // 10:00
    expect(today().centre).toBe(2 / 3);
    // The centre turns out closed on Mondays: nothing today is office hours any more.
    hours.setSchedule(officeSchedule({ timeZone: ZONE, weekly: { mon: [] } }));
    expect(hours.current().showing).toBe(false);
    expect(today()).toEqual({ centre: null, bar: null });
  });
});
