// A scripted RTSP server on loopback for behaviour a real server will not produce on demand:
// qop=auth challenges, nonces that expire during keepalive, hostile bytes, odd SDPs.
import net from 'node:net';

export interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export type Reply = string | ((socket: net.Socket) => void) | undefined;

export interface FakeServer {
  port: number;
  requests: FakeRequest[];
  sockets: net.Socket[];
  close(): Promise<void>;
}

/** `respond` returns the reply text (CSeq is added), a raw writer, or undefined for silence. */
export async function fakeRtspServer(
  respond: (req: FakeRequest, n: number) => Reply,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    let buf = '';
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = buf.slice(0, end).split('\r\n');
        buf = buf.slice(end + 4);
        const [method = '', url = ''] = (head[0] ?? '').split(' ');
        const headers: Record<string, string> = {};
        for (const line of head.slice(1)) {
          const c = line.indexOf(':');
          if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
        }
        const req = { method, url, headers };
        requests.push(req);
        const reply = respond(req, requests.length);
        if (typeof reply === 'function') reply(socket);
        else if (typeof reply === 'string') {
          const [status, ...rest] = reply.split('\r\n');
          socket.write([status, `CSeq: ${headers.cseq ?? '0'}`, ...rest].join('\r\n'));
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    requests,
    sockets,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export function sdpReply(sdp: string, extra = ''): string {
  return `RTSP/1.0 200 OK\r\nContent-Type: application/sdp\r\n${extra}Content-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`;
}
