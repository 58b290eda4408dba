// A TCP proxy that delivers the media server's bytes late by a random, changing amount, in
// order: the network between a commune's camera and the district's wall is not loopback. Each
// chunk is held for a delay drawn uniformly from 0..maxMs, but never released before the chunk
// ahead of it, so arrival turns bursty the way a loaded WAN link's does. Used by the benchmark
// when BENCH_JITTER_MS is set (bench-streams.ts), for tuning the player's buffer against it.
import net from 'node:net';
import { onCleanup } from './cleanup';

export interface JitterProxy {
  port: number;
  close(): Promise<void>;
}

export async function startJitterProxy(targetPort: number, maxMs: number): Promise<JitterProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let releaseAt = 0;
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => {
      const now = Date.now();
      releaseAt = Math.max(releaseAt, now + Math.random() * maxMs);
      setTimeout(() => {
        if (!client.destroyed) client.write(data);
      }, releaseAt - now);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = onCleanup(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { port: (server.address() as net.AddressInfo).port, close };
}
