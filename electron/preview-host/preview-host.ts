// The browser preview host: the wall's Electron-free services under plain Node, the built
// renderer on 127.0.0.1, and the contract over a WebSocket. It runs the whole application
// except the Electron glue in any Chromium; the end-to-end tests use it.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PREVIEW_API_PATH, PREVIEW_KEY_PARAM } from '../contract/preview-protocol';
import type { BootstrapOptions } from '../services/bootstrap-wall';
import { bootstrapWall } from '../services/bootstrap-wall';
import type { WallService } from '../services/wall-service';
import { createPreviewApi } from './preview-api';
import { contentSecurityPolicy } from '../gateway/content-security-policy';
import { serveStatic } from './static-files';

export interface PreviewHostOptions extends Omit<BootstrapOptions, 'allowedOrigins'> {
  rendererDir: string;
  port: number;
}

export interface PreviewHost {
  /** The URL to open, with the per-launch key in its fragment (never sent to a server). */
  url: string;
  origin: string;
  service: WallService;
  close(): Promise<void>;
}

export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const secret = randomBytes(32).toString('hex');
  let port = 0;
  const origins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const service = await bootstrapWall({ ...options, allowedOrigins: origins });
  const api = createPreviewApi({ service, secret, port: () => port, log: options.log });
  const gatewayOrigin = `ws://127.0.0.1:${service.gateway.listeningPort}`;
  const csp = contentSecurityPolicy(gatewayOrigin);

  const server = http.createServer((request, response) => {
    void serveStatic(options.rendererDir, request, response, csp);
  });
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith(PREVIEW_API_PATH)) api.handleUpgrade(request, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#${PREVIEW_KEY_PARAM}=${secret}`,
    origin,
    service,
    async close() {
      api.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await service.close();
    },
  };
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
