// The contract over one WebSocket at /api/<secret>, for the renderer running in a browser.
// The loopback guard decides who may connect (loopback Host, the page's own Origin, the
// per-launch secret), exactly as for the gateway.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  parseClientMessage,
  previewApiSecret,
  type PreviewServerMessage,
} from '../contract/preview-protocol';
import type { WallEventChannel, WallEvents } from '../contract/wall-verbs';
import {
  judgeLoopbackRequest,
  type LoopbackPolicy,
  type LoopbackVerdict,
} from '../gateway/loopback-guard';
import type { WallService } from '../services/wall-service';

export interface PreviewApiRequestParts {
  path: string;
  host: string | undefined;
  origin: string | undefined;
}

/** Whether an API connection may open; pure, so the checks are unit-tested without sockets. */
export function checkPreviewApiRequest(
  parts: PreviewApiRequestParts,
  policy: LoopbackPolicy,
): LoopbackVerdict {
  return judgeLoopbackRequest(
    { host: parts.host, origin: parts.origin, secret: previewApiSecret(parts.path) },
    policy,
  );
}

export function createPreviewApi(options: {
  service: Pick<WallService, 'handle'>;
  policy: () => LoopbackPolicy;
  log: (line: string) => void;
}) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  const sendTo = (ws: WebSocket, message: PreviewServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  function handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const verdict = checkPreviewApiRequest(
      { path: request.url ?? '', host: request.headers.host, origin: request.headers.origin },
      options.policy(),
    );
    if (!verdict.hostOk || !verdict.originOk || !verdict.secretOk) {
      options.log(
        `preview: refused API connection (host ok ${verdict.hostOk}, origin ok ${verdict.originOk}, secret ok ${verdict.secretOk})`,
      );
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('message', async (data) => {
        const message = parseClientMessage(String(data));
        if (!message) return;
        const result = await options.service.handle(message.channel, message.payload);
        sendTo(ws, { kind: 'response', id: message.id, result });
      });
    });
  }

  /** Pushes one event to every page connected to the API. */
  function push<C extends WallEventChannel>(channel: C, payload: WallEvents[C]): void {
    const message = { kind: 'event', channel, payload } as PreviewServerMessage;
    for (const ws of wss.clients) sendTo(ws, message);
  }

  return { handleUpgrade, push, close: () => wss.clients.forEach((c) => c.terminate()) };
}
