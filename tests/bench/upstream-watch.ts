// Watches the media server from Node, one plain WS-FLV client per stream, to time "the
// upstream is back": the moment video bytes flow again after a restart. Node-Media-Server
// holds a play that arrives before the publisher and starts it when the publisher returns,
// and while the server is down the client reconnects every 50 ms, so the time is exact to
// about one connect.
import WebSocket from 'ws';
import { onCleanup } from './cleanup';

/** Bytes beyond the FLV header and metadata: a video tag has arrived. */
const VIDEO_BYTES = 2_000;

export interface UpstreamWatch {
  /** Epoch ms when each stream delivered video, once it has. */
  returnedAt: Map<string, number>;
  close(): Promise<void>;
}

export function watchUpstreams(urls: Map<string, string>): UpstreamWatch {
  const returnedAt = new Map<string, number>();
  const sockets = new Set<WebSocket>();
  let closed = false;
  const connect = (name: string, url: string) => {
    if (closed || returnedAt.has(name)) return;
    const socket = new WebSocket(url, { perMessageDeflate: false });
    sockets.add(socket);
    let bytes = 0;
    socket.on('message', (data: Buffer) => {
      bytes += data.length;
      if (bytes > VIDEO_BYTES && !returnedAt.has(name)) {
        returnedAt.set(name, Date.now());
        socket.terminate();
      }
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      sockets.delete(socket);
      setTimeout(() => connect(name, url), 50);
    });
  };
  for (const [name, url] of urls) connect(name, url);
  const close = onCleanup(() => {
    closed = true;
    for (const socket of sockets) socket.terminate();
  });
  return { returnedAt, close };
}
