// The contract over one WebSocket at /api/<secret>, for the renderer running in a browser.
// The same checks as the gateway: loopback Host, the page's own Origin, the per-launch secret.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { PreviewServerMessage } from '../contract/preview-protocol';
import { PREVIEW_API_PATH } from '../contract/preview-protocol';
import type { WallService } from '../services/wall-service';

export function createPreviewApi(options: {
  service: WallService;
  secret: string;
  port: () => number;
  log: (line: string) => void;
}) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  function handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const port = options.port();
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const hostOk = origins.some((o) => o.slice('http://'.length) === request.headers.host);
    const originOk = origins.includes(request.headers.origin ?? '');
    const pathOk = request.url === `${PREVIEW_API_PATH}${options.secret}`;
    if (!hostOk || !originOk || !pathOk) {
      options.log(
        `preview: refused API connection (host ok ${hostOk}, origin ok ${originOk}, secret ok ${pathOk})`,
      );
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const send = (message: PreviewServerMessage) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      };
      const unsubscribe = options.service.onEvent((channel, payload) =>
        send({ kind: 'event', channel, payload } as PreviewServerMessage),
      );
      ws.on('close', unsubscribe);
      ws.on('message', async (data) => {
        let message: unknown;
        try {
          message = JSON.parse(String(data));
        } catch {
          return;
        }
        if (typeof message !== 'object' || message === null) return;
        const { id, channel, payload } = message as {
          id?: unknown;
          channel?: unknown;
          payload?: unknown;
        };
        if (typeof id !== 'number') return;
        const result = await options.service.handle(channel, payload);
        send({ kind: 'response', id, result });
      });
    });
  }

  return { handleUpgrade, close: () => wss.clients.forEach((c) => c.terminate()) };
}
