// The wall's health record as one object for the service: the log on disk (beside the
// settings store), the recorder fed by every stream status, a minute tick for heartbeats and
// fsync, and the two reads the contract offers: the status view's summary and the CSV export.
// A log that cannot be opened (a read-only disk) never stops the wall: it plays, unrecorded,
// and says so once.
import type { HealthCsv, HealthSummary } from '../../contract/health-view';
import type { Result, StreamStatus } from '../../contract/wall-contract';
import { HealthLog } from '../../health/log/health-log';
import type { OfficeSchedule } from '../../schedule/schedule-model';
import type { WallSettings } from '../../settings/settings-model';
import { exportHealthCsv } from './health-export';
import { HealthRecorder } from './health-recorder';
import { healthSummary } from './health-summary';

const TICK_MS = 60_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WallHealth {
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly log: HealthLog,
    private readonly recorder: HealthRecorder,
    private readonly settings: () => WallSettings,
    private readonly schedule: () => OfficeSchedule,
    private readonly now: () => number,
  ) {
    this.timer = setInterval(() => this.log.tick(), TICK_MS);
    this.timer.unref();
  }

  static open(options: {
    dir: string;
    settings: () => WallSettings;
    /**
     * The office hours availability is counted against, read at each summary and export: the
     * ones in force on the running wall (a bundle or a fixed file changes them without a
     * restart), so the figures always match what a fresh start would show.
     */
    schedule: () => OfficeSchedule;
    log: (line: string) => void;
    now?: () => number;
  }): WallHealth | null {
    const now = options.now ?? Date.now;
    try {
      const log = HealthLog.open({ dir: options.dir, now });
      const recorder = new HealthRecorder(log, options.settings().cameras, now);
      return new WallHealth(log, recorder, options.settings, options.schedule, now);
    } catch (error) {
      options.log(`health: the record cannot be kept in ${options.dir} (${String(error)})`);
      return null;
    }
  }

  onStatus(status: StreamStatus): void {
    try {
      this.recorder.onStatus(status);
    } catch {
      // A full disk loses a record, never the wall.
    }
  }

  /** Outside office hours the wall holds no stream: see HealthRecorder.outsideHours. */
  setOutsideHours(outside: boolean): void {
    try {
      if (outside) this.recorder.outsideHours();
      else this.recorder.withinHours();
    } catch {
      // A full disk loses a record, never the wall.
    }
  }

  summary(): HealthSummary {
    const settings = this.settings();
    return healthSummary(this.log, { ...settings, schedule: this.schedule(), now: this.now() });
  }

  exportCsv(payload: unknown): Result<HealthCsv> {
    const { first, last, locale } = (payload ?? {}) as Record<string, unknown>;
    if (
      typeof first !== 'string' ||
      typeof last !== 'string' ||
      !DATE.test(first) ||
      !DATE.test(last)
    ) {
      return { ok: false, error: 'The range must be { first, last } as YYYY-MM-DD dates.' };
    }
    const settings = this.settings();
    const csv = exportHealthCsv(this.log, {
      sites: settings.sites,
      cameras: settings.cameras,
      schedule: this.schedule(),
      first,
      last,
      locale: locale === 'en' ? 'en' : 'vi',
      now: this.now(),
    });
    return 'error' in csv ? { ok: false, error: csv.error } : { ok: true, value: csv };
  }

  /** When the previous run last wrote to the log (the clock check's anchor), or null. */
  lastWrittenBeforeOpen(): number | null {
    return this.log.lastWrittenBeforeOpen();
  }

  close(): void {
    clearInterval(this.timer);
    this.log.close();
  }
}
