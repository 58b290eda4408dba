// The wall's services as one object: settings, the stream broker and the loopback gateway,
// behind the contract's requests and events. Electron's IPC handlers and the preview host's
// WebSocket both call handle(), and start-wall.ts forwards the events; neither host holds
// any logic of its own.
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
import type { RememberedState, SettingsMemory } from '../settings/settings-store';
import { LoginGate } from '../streams/core/login-gate';
import type { LoginBackoffStore } from '../streams/core/login-records';
import { StreamBroker } from '../streams/core/stream-broker';
import type { SessionTimings } from '../streams/core/session-timings';
import { createStreamResolver } from '../streams/stream-resolver';
import { parseLayoutSelection, parseLocale } from './request-payloads';
import { wallSnapshot } from './wall-snapshot';

export interface WallServiceOptions {
  settings: WallSettings;
  configSource: WallSnapshot['configSource'];
  memory: SettingsMemory | null;
  assetsDir: string;
  allowedOrigins: () => readonly string[];
  log: (line: string) => void;
  timings?: Partial<SessionTimings>;
  /**
   * Where refused logins are remembered across restarts (the settings store's 'loginBackoff'),
   * so a restart does not buy a camera's lock-out another failed login; null keeps them in memory.
   */
  loginStore?: LoginBackoffStore | null;
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
  [C in WallRequestChannel]: (payload: unknown) => Result<WallRequests[C][1]>;
};

export class WallService {
  readonly broker: StreamBroker;
  readonly gateway: LoopbackGateway;
  private settings: WallSettings;
  private readonly listeners = new Set<EventListener>();

  private constructor(private readonly options: WallServiceOptions) {
    this.settings = withRemembered(options.settings, options.memory?.read() ?? {});
    this.broker = new StreamBroker({
      resolve: createStreamResolver(this.settings, {
        assetsDir: options.assetsDir,
        log: options.log,
      }),
      onStatus: (status) => this.emit('streams:status', status),
      log: options.log,
      loginGate: new LoginGate({ store: options.loginStore ?? null, log: options.log }),
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
    const onWall = new Set(this.settings.layout.cameraIds.filter((id) => id !== null));
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
    });
  }

  statuses(): StreamStatus[] {
    return this.broker.statuses();
  }

  private readonly handlers: RequestHandlers = {
    'wall:get-snapshot': () => ({ ok: true, value: this.snapshot() }),
    'streams:get-statuses': () => ({ ok: true, value: this.statuses() }),
    'wall:set-layout': (payload) => {
      const known = new Set(this.settings.cameras.map((c) => c.id));
      const layout = parseLayoutSelection(payload, known);
      if (!layout.ok) return layout;
      this.settings = { ...this.settings, layout: layout.value };
      this.options.memory?.write({ layout: layout.value });
      return this.snapshotChanged();
    },
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

/**
 * The remembered layout and language, checked like a request: the store may hold a layout
 * from before IT removed a camera from the file, and that must not reach the renderer.
 */
function withRemembered(settings: WallSettings, remembered: RememberedState): WallSettings {
  const known = new Set(settings.cameras.map((c) => c.id));
  const layout =
    remembered.layout === undefined ? null : parseLayoutSelection(remembered.layout, known);
  const locale = remembered.locale === undefined ? null : parseLocale(remembered.locale);
  return {
    ...settings,
    ...(layout?.ok ? { layout: layout.value } : {}),
    ...(locale?.ok ? { locale: locale.value } : {}),
  };
}
