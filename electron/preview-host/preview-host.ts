// The browser preview host: the wall's Electron-free services under plain Node, the built
// renderer on 127.0.0.1, and the contract over a WebSocket. It runs the whole application
// except the Electron glue in any Chromium; the end-to-end tests use it.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PREVIEW_API_PATH, previewPageUrl } from '../contract/preview-protocol';
import { contentSecurityPolicy } from '../gateway/content-security-policy';
import type { LogLine } from '../logging/logger';
import type { KeyValueStore } from '../settings/settings-store';
import { startWall, type HostServing, type WallHost } from '../services/start-wall';
import type { WallService } from '../services/wall-service';
import { createPreviewApi } from './preview-api';
import { serveStatic } from './static-files';

export interface PreviewHostOptions {
  /** `--config FILE`, or null. */
  configFile: string | null;
  /** ONE_STOP_WALL_CONFIG, when the caller honours it. */
  configEnvironment?: string | undefined;
  store: { open(): KeyValueStore; file: string } | null;
  assetsDir: string;
  rendererDir: string;
  port: number;
  log: LogLine;
  timings?: WallHost<HostServing>['timings'];
  provisioning?: WallHost<HostServing>['provisioning'];
  heartbeat?: WallHost<HostServing>['heartbeat'];
  /** `--reset-pin`: forget the staff PIN before starting. */
  resetPin?: boolean;
  /** Told once the host has stopped because staff quit the wall (`npm run preview` exits). */
  onQuit?: () => void;
  /** The app's version (package.json), for IT's heartbeat. */
  appVersion?: string;
}

export interface PreviewHost {
  /** The URL to open, with the per-launch key in its fragment (never sent to a server). */
  url: string;
  origin: string;
  service: WallService;
  close(): Promise<void>;
}

/** How long a quitting host waits for its answer to reach the page before it closes. */
const QUIT_ANSWER_MS = 200;

/** The preview's page origins: the names a browser may use for 127.0.0.1:<port>. */
function previewOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const secret = randomBytes(32).toString('hex');
  let port = 0;
  const allowedOrigins = () => previewOrigins(port);
  let stop: () => Promise<void> = async () => {};
  const wall = await startWall({
    log: options.log,
    // The preview has no data-folder default: it runs what it is given, or the demo.
    config: {
      argument: options.configFile,
      environment: options.configEnvironment,
      dataFolderFile: null,
    },
    secretCodec: null,
    store: options.store,
    assetsDir: options.assetsDir,
    allowedOrigins,
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.provisioning ? { provisioning: options.provisioning } : {}),
    ...(options.heartbeat ? { heartbeat: options.heartbeat } : {}),
    ...(options.resetPin ? { resetPin: true } : {}),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    // Staff quit (after the PIN) stops the host as Electron's app.quit() ends the app. A
    // moment later, so the page gets its answer before the socket goes.
    quit: () => {
      setTimeout(() => {
        void stop().then(() => {
          options.log('preview: stopped (quit by staff)');
          options.onQuit?.();
        });
      }, QUIT_ANSWER_MS).unref();
    },
    async serve(service) {
      const api = createPreviewApi({
        service,
        policy: () => ({ port, allowedOrigins: allowedOrigins(), secret }),
        log: options.log,
      });
      const csp = contentSecurityPolicy(`ws://127.0.0.1:${service.gateway.listeningPort}`);
      const server = http.createServer((request, response) => {
        void serveStatic(options.rendererDir, request, response, csp, port);
      });
      server.on('upgrade', (request, socket, head) => {
        if (request.url?.startsWith(PREVIEW_API_PATH)) api.handleUpgrade(request, socket, head);
        else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      });
      await listen(server, options.port);
      port = (server.address() as AddressInfo).port;
      return {
        push: api.push,
        async close() {
          api.close();
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await closed;
        },
      };
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | null = null;
  stop = () => (stopped ??= wall.close());
  return { url: previewPageUrl(origin, secret), origin, service: wall.service, close: stop };
}

async function listen(server: http.Server, port: number): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE' || port === 0) throw error;
    // The usual port is taken (another preview?): any free port will do.
    await listen(server, 0);
  }
}
