// The loopback gateway: tiles pull WS-FLV (or access units, for WebCodecs tiles) from here. Bound to 127.0.0.1 on a random port,
// with a 256-bit per-launch secret in the path and Host and Origin checked. WebSocket rather
// than HTTP-FLV, because Chromium allows 6 HTTP/1.1 connections per host and tile 7 would
// hang silently. Plain HTTP requests get nothing: no video, no CORS header.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { gatewayBaseUrl } from '../contract/stream-path';
import type { Quality } from '../contract/wall-contract';
import type { StreamBroker } from '../streams/core/stream-broker';
import { StreamViewer } from '../streams/core/stream-viewer';
import { checkGatewayRequest } from './gateway-checks';
import {
  MAX_CLIENT_PAYLOAD_BYTES,
  MAX_CONNECTIONS,
  MAX_VIEWERS_PER_STREAM,
  RefusalLog,
  truncateUtf8,
} from './gateway-limits';

export interface GatewayOptions {
  broker: StreamBroker;
  allowedOrigins: () => readonly string[];
  log: (line: string) => void;
}

export class LoopbackGateway {
  readonly secret = randomBytes(32).toString('hex');
  private readonly server = http.createServer();
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_CLIENT_PAYLOAD_BYTES,
  });
  private readonly refusals: RefusalLog;
  private port = 0;

  constructor(private readonly options: GatewayOptions) {
    this.refusals = new RefusalLog(options.log);
    this.server.on('request', (request, response) => {
      this.refuse(request, `plain HTTP ${request.method ?? ''} is not served`, 403);
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden\n');
    });
    this.server.on('upgrade', (request, socket, head) => this.onUpgrade(request, socket, head));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Base URL of the streams, for the renderer: `${base}/${cameraId}/${quality}.flv`. */
  get baseUrl(): string {
    return gatewayBaseUrl(this.port, this.secret);
  }

  get listeningPort(): number {
    return this.port;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const decision = checkGatewayRequest(
      { path: request.url ?? '', host: request.headers.host, origin: request.headers.origin },
      { port: this.port, secret: this.secret, allowedOrigins: this.options.allowedOrigins() },
    );
    if (!decision.ok) {
      this.refuse(request, decision.reason, decision.status);
      socket.end(`HTTP/1.1 ${decision.status} Forbidden\r\nConnection: close\r\n\r\n`);
      return;
    }
    // The broker's session already counts its viewers; the gateway keeps no count of its own.
    const viewers = this.options.broker.session(decision.cameraId, decision.quality)?.viewerCount;
    const full =
      this.wss.clients.size >= MAX_CONNECTIONS
        ? `${MAX_CONNECTIONS} connections are open`
        : (viewers ?? 0) >= MAX_VIEWERS_PER_STREAM
          ? `${MAX_VIEWERS_PER_STREAM} viewers already watch this stream`
          : null;
    if (full) {
      this.refuse(request, full, 503);
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      if (decision.replaySeconds === undefined) {
        this.serve(ws, decision.cameraId, decision.quality, decision.format ?? 'flv');
      } else this.serveReplay(ws, decision.cameraId, decision.quality, decision.replaySeconds);
    });
  }

  /** A live stream as FLV (mpegts.js tiles) or access units (WebCodecs tiles). */
  private serve(ws: WebSocket, cameraId: string, quality: Quality, format: 'flv' | 'au'): void {
    const result = this.options.broker.attach(cameraId, quality, {
      send: (bytes) => {
        if (ws.readyState === ws.OPEN) ws.send(bytes, { binary: true });
      },
      bufferedBytes: () => ws.bufferedAmount,
      close: (reason) => ws.close(1001, truncateUtf8(reason)),
      tile: true,
      format,
    });
    if ('error' in result) {
      this.refusals.refuse(`unknown:${cameraId}`, `gateway: ${result.error}`);
      ws.close(4404, truncateUtf8(result.error));
      return;
    }
    ws.on('close', result.detach);
    ws.on('error', () => ws.terminate());
  }

  /**
   * An instant replay: the clip from main's replay buffer, all at once (loopback is fast, and
   * the tile's replay player plays it at normal speed), then a normal close, which the player
   * reads as the end. The live stream keeps flowing and buffering meanwhile.
   */
  private serveReplay(ws: WebSocket, cameraId: string, quality: Quality, seconds: number): void {
    const clip = this.options.broker.replayClip(cameraId, quality, seconds);
    if (!clip) {
      ws.close(4404, 'nothing to replay yet');
      return;
    }
    ws.on('error', () => ws.terminate());
    const viewer = new StreamViewer({
      send: (bytes) => ws.send(bytes, { binary: true }),
      bufferedBytes: () => 0,
      close: () => {},
    });
    viewer.sendTags(clip.tags);
    ws.close(1000, 'end of replay');
  }

  private refuse(request: http.IncomingMessage, reason: string, status: number): void {
    const from = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    // The path holds the secret (or a guess at it): log only its shape.
    this.refusals.refuse(
      `${status}:${reason.replace(/'[^']*'/g, "''")}`,
      `gateway: refused ${status} from ${from}: ${reason}`,
    );
  }
}
