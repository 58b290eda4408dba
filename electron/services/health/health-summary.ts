// The status view's figures, read from the health log: for each centre and camera the state now
// and since when, availability during office hours today, this week (from Monday) and this
// month, and a bar per day for the last seven days. One read of the log covers every window.
import type {
  AvailabilityWindows,
  CameraHealthView,
  HealthSummary,
  SiteHealthView,
} from '../../contract/health-view';
import {
  cameraAvailability,
  type CameraAvailabilityReport,
} from '../../health/availability/camera-availability';
import { centreAvailability } from '../../health/availability/centre-availability';
import { dailyAvailability } from '../../health/availability/daily-availability';
import type { HealthLog } from '../../health/log/health-log';
import { cameraHistory } from './camera-history';
import type { OfficeSchedule } from '../../schedule/schedule-model';
import { formatLocalDate, localParts, startOfDay, weekdayOf } from '../../schedule/zoned-time';

export interface SummaryInput {
  sites: readonly { id: string }[];
  cameras: readonly { id: string; siteId: string; availability: string }[];
  schedule: OfficeSchedule;
  now: number;
}

interface Windows {
  today: number;
  week: number;
  month: number;
  firstBarDay: number;
  lastDay: number;
}

function windowsAt(now: number, timeZone: string): Windows {
  const day = localParts(now, timeZone).day;
  const sinceMonday = (weekdayOf(day) + 6) % 7;
  const dayOfMonth = Number(formatLocalDate(day).slice(8, 10));
  return {
    today: startOfDay(day, timeZone),
    week: startOfDay(day - sinceMonday, timeZone),
    month: startOfDay(day - dayOfMonth + 1, timeZone),
    firstBarDay: day - 6,
    lastDay: day,
  };
}

function ratios(reports: readonly CameraAvailabilityReport[][]): AvailabilityWindows {
  const [today, week, month] = reports.map((r) => centreAvailability(r).availability);
  return { today: today ?? null, week: week ?? null, month: month ?? null };
}

export function healthSummary(log: HealthLog, input: SummaryInput): HealthSummary {
  const { schedule, now } = input;
  const w = windowsAt(now, schedule.timeZone);
  const from = Math.min(w.month, startOfDay(w.firstBarDay, schedule.timeZone));
  const read = log.read(from, now + 1);
  const currentStates = new Map(log.current().map((state) => [state.cameraId, state]));
  const dates = { first: formatLocalDate(w.firstBarDay), last: formatLocalDate(w.lastDay) };
  const sites: SiteHealthView[] = input.sites.map((site) => {
    const cameras = input.cameras.filter(
      (c) => c.siteId === site.id && c.availability !== 'not-installed',
    );
    const perCamera = cameras.map((camera) => {
      const history = cameraHistory(read, camera.id);
      const windows = [w.today, w.week, w.month].map((start) =>
        cameraAvailability(history, schedule, { from: start, to: now }, now),
      );
      const daily = dailyAvailability(history, schedule, dates, now);
      return { camera, history, windows, daily };
    });
    const views: CameraHealthView[] = perCamera.map(({ camera, windows }) => {
      const month = windows[2]!;
      const current = currentStates.get(camera.id);
      const last = month.outages[month.outages.length - 1];
      return {
        cameraId: camera.id,
        state: current?.state ?? null,
        since: month.currentOutage?.start ?? current?.since ?? null,
        reason: current?.reason ?? null,
        availability: ratios(windows.map((r) => [r])),
        lastOutage: last ? { start: last.start, end: last.end, state: last.worstState } : null,
      };
    });
    const byWindow = [0, 1, 2].map((i) => perCamera.map((c) => c.windows[i]!));
    const centreNow = centreAvailability(byWindow[0]!);
    const days = dates.first <= dates.last ? (perCamera[0]?.daily.map((d) => d.date) ?? []) : [];
    return {
      siteId: site.id,
      cameras: views,
      availability: ratios(byWindow),
      down: centreNow.down,
      downSince: centreNow.downSince,
      days: days.map((date, i) => {
        const up = perCamera.reduce((sum, c) => sum + (c.daily[i]?.upMs ?? 0), 0);
        const counted = perCamera.reduce((sum, c) => sum + (c.daily[i]?.countedMs ?? 0), 0);
        return { date, availability: counted > 0 ? up / counted : null };
      }),
    };
  });
  return { generatedAt: now, timeZone: schedule.timeZone, sites };
}
