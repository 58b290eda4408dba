// A TCP proxy that can freeze: between the wall and the media server for a few tiles, so the
// soak can stall their upstream the way a dead link or a hung camera does: no FIN, no RST, just
// no bytes. While paused, live connections stop being read in both directions and new ones are
// accepted but not forwarded, so the wall's stall watchdog (not a socket error) must notice
// and its reconnects meet the same silence until the link comes back.
import net from 'node:net';
import { onCleanup } from '../bench/cleanup';

export interface PauseProxy {
  port: number;
  pause(): void;
  resume(): void;
  /** Connection pairs open now (a leak of abandoned upstreams would show here). */
  open(): number;
  close(): Promise<void>;
}

export async function startPauseProxy(targetPort: number): Promise<PauseProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let paused = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    // Forwarded by hand, not pipe(): pipe() resumes a source on 'drain', which would undo a
    // pause; backpressure is not a concern for 1 Mbit/s on loopback.
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => client.write(data));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
      if (paused) socket.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = onCleanup(async () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    pause() {
      paused = true;
      for (const pair of pairs) for (const socket of pair) socket.pause();
    },
    resume() {
      paused = false;
      for (const pair of pairs) for (const socket of pair) socket.resume();
    },
    open: () => pairs.size,
    close,
  };
}
