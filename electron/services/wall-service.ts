// The wall's services as one object: settings, the stream broker and the loopback gateway,
// behind the contract's requests and events. Electron's IPC handlers and the preview host's
// WebSocket both call handle(), and start-wall.ts forwards the events; neither host holds
// any logic of its own.
import { isPcCheckCamera } from '../contract/pc-check';
import { STAFF_LOCKED_ERROR } from '../contract/staff-status';
import type { Result, StreamStatus, WallSnapshot } from '../contract/wall-contract';
import {
  isWallRequestChannel,
  type WallEventChannel,
  type WallEvents,
  type WallRequestChannel,
  type WallRequests,
} from '../contract/wall-verbs';
import { LoopbackGateway } from '../gateway/loopback-gateway';
import { officeSchedule } from '../settings/schedule-field';
import type { WallSettings } from '../settings/settings-model';
import {
  memoryStaffStore,
  type RememberedState,
  type SettingsMemory,
} from '../settings/settings-store';
import { StaffLock } from '../staff/staff-lock';
import { BackgroundWatch } from './background-watch';
import { PcCheckKeeper } from './health/pc-check-keeper';
import { WallHealth } from './health/wall-health';
import { LoginGate } from '../streams/core/login-gate';
import type { LoginBackoffStore } from '../streams/core/login-records';
import { StreamBroker } from '../streams/core/stream-broker';
import type { SessionTimings } from '../streams/core/session-timings';
import { withPcCheckStreams } from '../streams/pc-check-resolver';
import { createStreamResolver } from '../streams/stream-resolver';
import { replayLimits } from '../settings/look-settings';
import { LayoutBook } from './layout-book';
import { OfficeHoursController, type ControllerTimers } from './office-hours-controller';
import { applyOfficeHours, parseShowOutside } from './office-hours-gate';
import { saveSnapshot, type SnapshotPlace } from './snapshot-saver';
import { parseLocale } from './request-payloads';
import { wallSnapshot } from './wall-snapshot';
import { SettingsService, settingsHandlers, type SettingsControlOptions } from './settings-service';

export interface WallServiceOptions {
  settings: WallSettings;
  configSource: WallSnapshot['configSource'];
  memory: SettingsMemory | null;
  assetsDir: string;
  allowedOrigins: () => readonly string[];
  log: (line: string) => void;
  timings?: Partial<SessionTimings>;
  /** Where the health record is kept (beside the settings store); null keeps none. */
  healthDir?: string | null;
  /**
   * Where refused logins are remembered across restarts (the settings store's 'loginBackoff'),
   * so a restart does not buy a camera's lock-out another failed login; null keeps them in memory.
   */
  loginStore?: LoginBackoffStore | null;
  /** Where snapshots go by default and how they reach the clipboard; none: not saved. */
  snapshots?: SnapshotPlace | null;
  /** Quits the app (Electron); absent where the host cannot quit (the preview host). */
  quit?: () => void;
  /** `--reset-pin`: forget the staff PIN at start (recovery on the PC itself). */
  resetPin?: boolean;
  /** The settings screens' back end; absent where the host keeps no settings (tests). */
  settingsControl?: SettingsControlOptions;
  now?: () => number;
  /** The office-hours controller's timers (tests drive them by hand). */
  hoursTimers?: ControllerTimers;
}

type EventListener = <C extends WallEventChannel>(channel: C, payload: WallEvents[C]) => void;

/**
 * One handler per request channel of the contract (the compiler insists on every one). The
 * payload is untrusted: each handler checks it and answers a bad one with an error result.
 */
type RequestHandlers = {
  [C in WallRequestChannel]: (
    payload: unknown,
  ) => Result<WallRequests[C][1]> | Promise<Result<WallRequests[C][1]>>;
};

const LOCKED = { ok: false, error: STAFF_LOCKED_ERROR } as const;
const NO_HEALTH = {
  ok: false,
  error:
    'This PC keeps no health record (the log says why: no data folder, or a disk that cannot be written).',
} as const;

export class WallService {
  readonly broker: StreamBroker;
  readonly gateway: LoopbackGateway;
  /** Holds every installed camera's sub session open; pause() and resume() it (office hours). */
  readonly watch: BackgroundWatch;
  readonly staff: StaffLock;
  /** The health record; null where it cannot be kept (no data folder, a read-only disk). */
  readonly health: WallHealth | null;
  readonly hours: OfficeHoursController;
  private readonly pcCheck: PcCheckKeeper;
  private settings: WallSettings;
  private readonly book: LayoutBook;
  private readonly listeners = new Set<EventListener>();
  readonly settingsControl: SettingsService | null;

  private constructor(private readonly options: WallServiceOptions) {
    this.settings = withRemembered(options.settings, options.memory?.read() ?? {});
    this.book = new LayoutBook(this.settings, options.memory);
    this.staff = new StaffLock(
      options.memory?.staffStore() ?? memoryStaffStore(),
      options.log,
      options.now,
    );
    if (options.resetPin) this.staff.reset();
    const schedule = officeSchedule(this.settings.schedule);
    this.health = options.healthDir
      ? WallHealth.open({
          dir: options.healthDir,
          settings: () => this.settings,
          // The controller's own schedule, parsed once per change: health never parses it again.
          schedule: () => this.hours.schedule,
          log: options.log,
          ...(options.now ? { now: options.now } : {}),
        })
      : null;
    this.pcCheck = new PcCheckKeeper({
      dir: this.health ? (options.healthDir ?? null) : null,
      lastLogEntry: () => this.health?.lastWrittenBeforeOpen() ?? null,
      log: options.log,
    });
    const context = { assetsDir: options.assetsDir, log: options.log };
    this.broker = new StreamBroker({
      // Read at each connection, so settings applied at once reach the next session.
      resolve: withPcCheckStreams(
        createStreamResolver(() => this.settings, context),
        context,
      ),
      onStatus: (status) => {
        // The PC check's demo streams are no camera: neither recorded nor shown.
        if (isPcCheckCamera(status.cameraId)) return;
        this.health?.onStatus(status);
        this.emit('streams:status', status);
      },
      log: options.log,
      loginGate: new LoginGate({ store: options.loginStore ?? null, log: options.log }),
      replay: replayLimits(this.settings),
      ...(options.timings ? { timings: options.timings } : {}),
    });
    this.watch = new BackgroundWatch({ broker: this.broker, log: options.log });
    this.settingsControl = options.settingsControl
      ? new SettingsService(options.settingsControl, {
          assetsDir: options.assetsDir,
          loginGate: this.broker.loginGate,
          log: options.log,
          apply: (settings, changed) => this.applySettings(settings, changed),
          pushStatus: (status) => this.emit('settings:status', status),
        })
      : null;
    this.gateway = new LoopbackGateway({
      broker: this.broker,
      allowedOrigins: options.allowedOrigins,
      log: options.log,
    });
    const hoursParts = {
      broker: this.broker,
      watch: this.watch,
      health: this.health,
      log: options.log,
    };
    this.hours = new OfficeHoursController({
      schedule,
      onChange: (status) => {
        applyOfficeHours(status, hoursParts);
        this.emit('hours:changed', status);
      },
      log: options.log,
      ...(options.now ? { now: options.now } : {}),
      ...(options.hoursTimers ? { timers: options.hoursTimers } : {}),
    });
    applyOfficeHours(this.hours.current(), hoursParts);
  }

  static async start(options: WallServiceOptions): Promise<WallService> {
    const service = new WallService(options);
    await service.gateway.listen();
    const installed = service.settings.cameras.filter((c) => c.availability === 'installed');
    options.log(
      `wall: ${service.settings.sites.length} sites, ${installed.length} of ${service.settings.cameras.length} cameras installed (${options.configSource} configuration); gateway on 127.0.0.1:${service.gateway.listeningPort}`,
    );
    // Every installed camera's sub stream, on screen or not: a real status for every centre.
    service.watch.watch(service.settings.cameras);
    return service;
  }

  snapshot(): WallSnapshot {
    return wallSnapshot(this.settings, {
      gatewayBase: this.gateway.baseUrl,
      configSource: this.settingsControl?.book.source ?? this.options.configSource,
      layouts: this.book.layouts,
      displays: this.book.displays,
    });
  }

  statuses(): StreamStatus[] {
    return this.broker.statuses();
  }

  private readonly handlers: RequestHandlers = {
    'wall:get-snapshot': () => ({ ok: true, value: this.snapshot() }),
    'streams:get-statuses': () => ({ ok: true, value: this.statuses() }),
    'health:get-summary': () =>
      this.health
        ? {
            ok: true,
            value: { ...this.health.summary(), replayMemoryBytes: this.broker.replayBytes },
          }
        : NO_HEALTH,
    'health:export-csv': (payload) => (this.health ? this.health.exportCsv(payload) : NO_HEALTH),
    'health:get-pc-check': () => ({ ok: true, value: this.pcCheck.report() }),
    'health:save-pc-check': (payload) => this.pcCheck.save(payload),
    'snapshots:save': (payload) =>
      this.options.snapshots
        ? saveSnapshot(payload, this.settings, this.options.snapshots, this.options.log)
        : { ok: false, error: 'This host does not save snapshots.' },
    'layouts:save': (payload) => this.asStaff(() => this.book.save(payload)),
    'layouts:delete': (payload) => this.asStaff(() => this.book.delete(payload)),
    'displays:choose': (payload) => this.asStaff(() => this.book.choose(payload)),
    'wall:quit': () => {
      if (!this.staff.isUnlocked()) return LOCKED;
      if (!this.options.quit) return { ok: false, error: 'This host cannot quit.' };
      this.options.log('wall: quit by staff');
      this.options.quit();
      return { ok: true, value: true };
    },
    'staff:status': (payload) => {
      if ((payload as { active?: unknown } | null)?.active === true) this.staff.touch();
      return { ok: true, value: this.staff.status() };
    },
    'staff:set-pin': async (payload) =>
      this.staffChanged(await this.staff.setPin((payload as { pin?: unknown } | null)?.pin)),
    'staff:unlock': async (payload) =>
      this.staffChanged(await this.staff.unlock((payload as { pin?: unknown } | null)?.pin)),
    'staff:lock': () => this.staffChanged({ ok: true, value: this.staff.lock() }),
    'hours:get-status': () => ({ ok: true, value: this.hours.current() }),
    'hours:show-outside': (payload) => {
      const show = parseShowOutside(payload);
      if (show === null) return { ok: false, error: 'Expected { show: true | false }.' };
      if (!this.staff.isUnlocked()) return LOCKED;
      this.staff.touch();
      return { ok: true, value: this.hours.showOutsideHours(show) };
    },
    ...settingsHandlers(
      () => this.settingsControl,
      (run) => this.staffOnly(run),
    ),
    'wall:set-locale': (payload) => {
      const locale = parseLocale(payload);
      if (!locale.ok) return locale;
      this.settings = { ...this.settings, locale: locale.value };
      this.options.memory?.write({ locale: locale.value });
      return this.snapshotChanged();
    },
  };

  /** One entry point for every request channel; channel and payload are untrusted. */
  async handle(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isWallRequestChannel(channel)) {
      return { ok: false, error: `Unknown request ${JSON.stringify(channel)}.` };
    }
    return this.handlers[channel](payload);
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.watch.close();
    this.hours.close();
    this.broker.close();
    await this.gateway.close();
    this.health?.close();
  }

  /**
   * New settings on the running wall, without a restart: the language stays as chosen, and
   * only the sessions of the cameras that changed (or are gone) are closed; their tiles
   * reconnect with the new settings while every other tile keeps its player.
   */
  applySettings(settings: WallSettings, changed: readonly string[]): void {
    const before = this.settings;
    this.settings = { ...settings, locale: this.settings.locale };
    if (JSON.stringify(before.schedule) !== JSON.stringify(this.settings.schedule)) {
      this.hours.setSchedule(officeSchedule(this.settings.schedule));
    }
    const reconnect = new Set(changed);
    this.broker.invalidate((cameraId) => reconnect.has(cameraId));
    // A camera added or installed is watched at once; one removed or disabled is let go.
    this.watch.watch(this.settings.cameras);
    this.book.followSettings(this.settings);
    if (changed.length > 0) this.options.log(`settings: reconnecting ${changed.join(', ')}`);
    this.snapshotChanged();
  }

  /** A staff verb's work, run only while unlocked (which it keeps alive). */
  private staffOnly<T>(run: () => Result<T> | Promise<Result<T>>): Result<T> | Promise<Result<T>> {
    if (!this.staff.isUnlocked()) return LOCKED;
    this.staff.touch();
    return run();
  }

  /** Runs a staff change only while unlocked (which it keeps alive), then pushes the wall. */
  private asStaff(change: () => Result<unknown>): Result<WallSnapshot> {
    if (!this.staff.isUnlocked()) return LOCKED;
    this.staff.touch();
    const result = change();
    return result.ok ? this.snapshotChanged() : result;
  }

  /** Every window learns a lock change (any wrong try too, so all show the wait). */
  private staffChanged<T>(result: Result<T>): Result<T> {
    this.emit('staff:changed', this.staff.status());
    return result;
  }

  private snapshotChanged(): Result<WallSnapshot> {
    const snapshot = this.snapshot();
    this.emit('wall:snapshot', snapshot);
    return { ok: true, value: snapshot };
  }

  private emit<C extends WallEventChannel>(channel: C, payload: WallEvents[C]): void {
    for (const listener of this.listeners) listener(channel, payload);
  }
}

/** The remembered language, checked like a request. */
function withRemembered(settings: WallSettings, remembered: RememberedState): WallSettings {
  const locale = remembered.locale === undefined ? null : parseLocale(remembered.locale);
  return { ...settings, ...(locale?.ok ? { locale: locale.value } : {}) };
}
