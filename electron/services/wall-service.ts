// The wall's services as one object: settings, the stream broker and the loopback gateway,
// behind the contract's requests and events. Electron's IPC handlers and the preview host's
// WebSocket both call handle(), and start-wall.ts forwards the events; neither host holds
// any logic of its own.
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
import type { WallSettings } from '../settings/settings-model';
import {
  memoryStaffStore,
  type RememberedState,
  type SettingsMemory,
} from '../settings/settings-store';
import { StaffLock } from '../staff/staff-lock';
import { WallHealth } from './health/wall-health';
import { LoginGate } from '../streams/core/login-gate';
import type { LoginBackoffStore } from '../streams/core/login-records';
import { StreamBroker } from '../streams/core/stream-broker';
import type { SessionTimings } from '../streams/core/session-timings';
import { createStreamResolver } from '../streams/stream-resolver';
import { replayLimits } from '../settings/look-settings';
import { LayoutBook } from './layout-book';
import { saveSnapshot, type SnapshotPlace } from './snapshot-saver';
import { parseLocale } from './request-payloads';
import { wallSnapshot } from './wall-snapshot';

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
  now?: () => number;
}

/** How long the wall's upstreams are held open at start for the renderer to attach. */
const PREWARM_MS = 15_000;
const DISCARD_SINK = { send: () => {}, bufferedBytes: () => 0, close: () => {} };

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
  readonly staff: StaffLock;
  /** The health record; null where it cannot be kept (no data folder, a read-only disk). */
  readonly health: WallHealth | null;
  private settings: WallSettings;
  private readonly book: LayoutBook;
  private readonly listeners = new Set<EventListener>();

  private constructor(private readonly options: WallServiceOptions) {
    this.settings = withRemembered(options.settings, options.memory?.read() ?? {});
    this.book = new LayoutBook(this.settings, options.memory);
    this.staff = new StaffLock(
      options.memory?.staffStore() ?? memoryStaffStore(),
      options.log,
      options.now,
    );
    if (options.resetPin) this.staff.reset();
    this.health = options.healthDir
      ? WallHealth.open({ dir: options.healthDir, settings: () => this.settings, log: options.log })
      : null;
    this.broker = new StreamBroker({
      resolve: createStreamResolver(this.settings, {
        assetsDir: options.assetsDir,
        log: options.log,
      }),
      onStatus: (status) => {
        this.health?.onStatus(status);
        this.emit('streams:status', status);
      },
      log: options.log,
      loginGate: new LoginGate({ store: options.loginStore ?? null, log: options.log }),
      replay: replayLimits(this.settings),
      ...(options.timings ? { timings: options.timings } : {}),
    });
    this.gateway = new LoopbackGateway({
      broker: this.broker,
      allowedOrigins: options.allowedOrigins,
      log: options.log,
    });
  }

  static async start(options: WallServiceOptions): Promise<WallService> {
    const service = new WallService(options);
    await service.gateway.listen();
    const installed = service.settings.cameras.filter((c) => c.availability === 'installed');
    options.log(
      `wall: ${service.settings.sites.length} sites, ${installed.length} of ${service.settings.cameras.length} cameras installed (${options.configSource} configuration); gateway on 127.0.0.1:${service.gateway.listeningPort}`,
    );
    service.prewarm();
    return service;
  }

  /**
   * Opens the upstreams of the cameras on the wall while the renderer is still starting, so a
   * tile's first viewer finds the connection made and a keyframe cached. Each holds for
   * PREWARM_MS; a tile that attaches in the meantime keeps it open.
   */
  private prewarm(): void {
    // The layouts the displays chose (display 0 shows the first one until staff choose).
    const chosen = new Set(Object.values(this.book.displays).map((d) => d.layoutId));
    const shown = this.book.layouts.filter(
      (l, i) => chosen.has(l.id) || (i === 0 && chosen.size === 0),
    );
    const onWall = new Set<string>();
    for (const layout of shown) {
      const list =
        layout.cameras === 'all' ? this.settings.cameras.map((c) => c.id) : layout.cameras;
      for (const id of list.slice(0, layout.grid.tiles.length)) if (id !== null) onWall.add(id);
    }
    for (const camera of this.settings.cameras) {
      if (!onWall.has(camera.id) || camera.availability !== 'installed') continue;
      const attached = this.broker.attach(camera.id, 'sub', DISCARD_SINK);
      if ('detach' in attached) setTimeout(attached.detach, PREWARM_MS).unref();
    }
  }

  snapshot(): WallSnapshot {
    return wallSnapshot(this.settings, {
      gatewayBase: this.gateway.baseUrl,
      configSource: this.options.configSource,
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
    this.broker.close();
    await this.gateway.close();
    this.health?.close();
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
