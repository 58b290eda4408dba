// The office-hours controller across the boundaries a wall meets in a week: the lunch break,
// midnight and the weekend, a public holiday, the clock set by hand or a PC waking from sleep,
// and staff's 30-minute look outside hours.
import { describe, expect, it } from 'vitest';
import type { OfficeHoursStatus } from '../../../../electron/contract/office-hours';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';
import {
  CHECK_EVERY_MS,
  OfficeHoursController,
} from '../../../../electron/services/office-hours-controller';
import { fakeClocks } from './fake-clocks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Vietnam is UTC+7 all year. 2026-11-27 is a Friday, 2026-11-30 a Monday.
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const VN = defaultSchedule('Asia/Ho_Chi_Minh');

function start(at: string, schedule = VN) {
  const clocks = fakeClocks(vn(at));
  const changes: OfficeHoursStatus[] = [];
  const log: string[] = [];
  const controller = new OfficeHoursController({
    schedule,
    onChange: (status) => changes.push(status),
    log: (line) => log.push(line),
    now: clocks.now,
    timers: clocks.timers,
  });
  return { clocks, changes, log, controller };
}

describe('OfficeHoursController', () => {
  it('goes dark at 11:30 and shows again at 13:30, on the boundary itself', () => {
    const { clocks, changes, controller } = start('2026-11-30T11:29:00');
    expect(controller.current()).toMatchObject({ inHours: true, showing: true });
    expect(controller.current().nextChange).toBe(vn('2026-11-30T11:30:00'));
    clocks.advance(MINUTE - 1);
    expect(changes).toEqual([]);
    clocks.advance(1);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ inHours: false, showing: false, overrideUntil: null });
    expect(clocks.now()).toBe(vn('2026-11-30T11:30:00'));
    clocks.advance(2 * HOUR);
    expect(changes.map((c) => c.showing)).toEqual([false, true]);
    expect(changes[1]!.nextChange).toBe(vn('2026-11-30T17:00:00'));
  });

  it('stays dark from Friday 17:00 through the weekend and midnights until Monday 07:00', () => {
    const { clocks, changes, controller } = start('2026-11-27T16:00:00');
    clocks.advance(HOUR);
    expect(changes.map((c) => c.showing)).toEqual([false]);
    expect(controller.current().nextChange).toBe(vn('2026-11-30T07:00:00'));
    // Friday 17:00 → Monday 06:59:59: two days and three midnights, no change reported.
    clocks.advance(vn('2026-11-30T06:59:59') - clocks.now());
    expect(changes).toHaveLength(1);
    clocks.advance(1_000);
    expect(changes.map((c) => c.showing)).toEqual([false, true]);
  });

  it('never waits longer than CHECK_EVERY_MS between two readings of the clock', () => {
    const { clocks } = start('2026-11-28T10:00:00'); // Saturday: next change two days away
    expect(clocks.pendingCount()).toBe(1);
    expect(clocks.longestWait()).toBe(CHECK_EVERY_MS);
  });

  it('keeps Saturday morning dark by default and shows it when the schedule says so', () => {
    expect(start('2026-11-28T09:00:00').controller.current().showing).toBe(false);
    const saturday = defaultSchedule('Asia/Ho_Chi_Minh', { saturdayMorning: true });
    const { controller } = start('2026-11-28T09:00:00', saturday);
    expect(controller.current()).toMatchObject({ inHours: true, showing: true });
    expect(controller.current().nextChange).toBe(vn('2026-11-28T11:30:00'));
  });

  it('stays dark all day on a public holiday and opens the next working day', () => {
    const holiday = { ...VN, holidays: ['2026-09-02'] }; // National Day, a Wednesday
    const { clocks, changes, controller } = start('2026-09-01T16:59:00', holiday);
    expect(controller.current().showing).toBe(true);
    clocks.advance(MINUTE);
    expect(controller.current().nextChange).toBe(vn('2026-09-03T07:00:00'));
    clocks.advance(vn('2026-09-02T09:00:00') - clocks.now());
    expect(controller.current()).toMatchObject({ inHours: false, showing: false });
    clocks.advance(vn('2026-09-03T07:00:00') - clocks.now());
    expect(changes.map((c) => c.showing)).toEqual([false, true]);
  });

  it('follows a clock set forward or a PC waking from sleep within one check, with no timer due', () => {
    const { clocks, changes } = start('2026-11-30T10:00:00');
    // The PC slept (or IT set the clock): the wall clock now reads 18:00, no timer fired.
    clocks.setClock(8 * HOUR);
    expect(changes).toEqual([]);
    clocks.advance(CHECK_EVERY_MS);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ showing: false, nextChange: vn('2026-12-01T07:00:00') });
  });

  it('follows a clock set back into working hours', () => {
    const { clocks, changes } = start('2026-11-30T18:00:00');
    clocks.setClock(-8 * HOUR); // 10:00 the same day
    clocks.advance(CHECK_EVERY_MS);
    expect(changes.map((c) => c.showing)).toEqual([true]);
  });

  it('shows the wall outside hours for 30 minutes when staff ask, then goes dark', () => {
    const { clocks, changes, controller, log } = start('2026-11-30T20:00:00');
    const status = controller.showOutsideHours(true);
    expect(status).toMatchObject({
      inHours: false,
      showing: true,
      overrideUntil: vn('2026-11-30T20:30:00'),
    });
    expect(changes).toEqual([status]);
    clocks.advance(30 * MINUTE - 1);
    expect(controller.current().showing).toBe(true);
    clocks.advance(1);
    expect(controller.current()).toMatchObject({ showing: false, overrideUntil: null });
    expect(changes.map((c) => c.showing)).toEqual([true, false]);
    expect(log.at(-1)).toMatch(/30 minutes are over/);
  });

  it('lets staff end the look early, and ignores a look asked for in hours', () => {
    const evening = start('2026-11-30T20:00:00');
    evening.controller.showOutsideHours(true);
    expect(evening.controller.showOutsideHours(false)).toMatchObject({ showing: false });
    const day = start('2026-11-30T09:00:00');
    expect(day.controller.showOutsideHours(true)).toMatchObject({
      showing: true,
      overrideUntil: null,
    });
    expect(day.changes).toEqual([]);
  });

  it('ends a look when working hours begin, so the evening does not inherit it', () => {
    const { clocks, controller } = start('2026-11-30T06:50:00');
    controller.showOutsideHours(true);
    clocks.advance(10 * MINUTE);
    expect(controller.current()).toMatchObject({ inHours: true, overrideUntil: null });
    clocks.advance(vn('2026-11-30T17:00:00') - clocks.now());
    expect(controller.current().showing).toBe(false);
  });

  it('never lets a clock set back stretch a look past 30 minutes from now', () => {
    const { clocks, controller } = start('2026-11-30T20:00:00');
    controller.showOutsideHours(true);
    clocks.setClock(-2 * HOUR); // 18:00
    clocks.advance(CHECK_EVERY_MS);
    expect(controller.current().overrideUntil).toBe(clocks.now() + 30 * MINUTE);
    clocks.advance(30 * MINUTE);
    expect(controller.current().showing).toBe(false);
  });

  it('stops checking once closed', () => {
    const { clocks, changes, controller } = start('2026-11-30T11:29:00');
    controller.close();
    expect(clocks.pendingCount()).toBe(0);
    clocks.advance(HOUR);
    expect(changes).toEqual([]);
  });
});
