// The CSV export for a date range: every outage during office hours, and each centre's
// availability per day. Figures come from the health log through the same arithmetic as the
// status view; the CSV module only formats them.
import type { HealthCsv } from '../../contract/health-view';
import { cameraAvailability } from '../../health/availability/camera-availability';
import { dailyAvailability } from '../../health/availability/daily-availability';
import {
  dailyAvailabilityCsv,
  outagesCsv,
  type CsvLocale,
  type DailyAvailabilityRow,
  type OutageRow,
} from '../../health/csv/health-csv';
import type { HealthLog } from '../../health/log/health-log';
import { cameraHistory } from './camera-history';
import type { OfficeSchedule } from '../../schedule/schedule-model';
import { parseLocalDate, startOfDay } from '../../schedule/zoned-time';

export interface ExportInput {
  sites: readonly { id: string; name: string }[];
  cameras: readonly { id: string; siteId: string; name: string; availability: string }[];
  schedule: OfficeSchedule;
  /** Local dates 'YYYY-MM-DD', inclusive. */
  first: string;
  last: string;
  locale: CsvLocale;
  now: number;
}

const MINUTE = 60_000;

export function exportHealthCsv(log: HealthLog, input: ExportInput): HealthCsv | { error: string } {
  const firstDay = parseLocalDate(input.first);
  const lastDay = parseLocalDate(input.last);
  if (firstDay === null || lastDay === null || lastDay < firstDay) {
    return { error: 'The range must be two dates, YYYY-MM-DD, the first not after the last.' };
  }
  const zone = input.schedule.timeZone;
  const from = startOfDay(firstDay, zone);
  const to = Math.min(startOfDay(lastDay + 1, zone), input.now);
  const read = log.read(from, Math.max(from, to) + 1);

  const outages: OutageRow[] = [];
  const daily: DailyAvailabilityRow[] = [];
  for (const site of input.sites) {
    const cameras = input.cameras.filter(
      (c) => c.siteId === site.id && c.availability !== 'not-installed',
    );
    const days = cameras.map((camera) => {
      const records = cameraHistory(read, camera.id);
      const report = cameraAvailability(records, input.schedule, { from, to }, input.now);
      for (const outage of report.outages) {
        outages.push({
          centre: site.name,
          camera: camera.name,
          start: outage.start,
          end: outage.end,
          state: outage.worstState,
          ...(outage.reason ? { cause: outage.reason } : {}),
        });
      }
      return dailyAvailability(records, input.schedule, input, input.now);
    });
    for (let i = 0; i <= lastDay - firstDay; i++) {
      const today = days.map((d) => d[i]!).filter(Boolean);
      const first = today[0];
      if (!first || first.officeMs === 0) continue;
      const up = today.reduce((sum, d) => sum + d.upMs, 0);
      const counted = today.reduce((sum, d) => sum + d.countedMs, 0);
      const share = counted > 0 ? up / counted : 0;
      daily.push({
        date: first.date,
        centre: site.name,
        percent: counted > 0 ? share * 100 : 0,
        officeHoursMinutes: first.officeMs / MINUTE,
        minutesWithoutPicture: counted > 0 ? ((1 - share) * counted) / today.length / MINUTE : 0,
        minutesAppNotRunning: first.appNotRunningMs / MINUTE,
      });
    }
  }
  outages.sort((a, b) => a.start - b.start);
  return {
    outages: outagesCsv(outages, { timeZone: zone, locale: input.locale }),
    daily: dailyAvailabilityCsv(daily, { locale: input.locale }),
  };
}
