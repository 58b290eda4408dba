// A half-open connection (the camera's side goes silent with no FIN, as when a switch port
// or a camera's power dies) is the failure TCP itself never reports. Between our RTSP client
// and the real GStreamer server sits a TCP relay that can freeze its connections; the session
// must say "stalled" within its stated time (DEFAULT_TIMINGS.stallTimeoutMs, 5 s) and come
// back by itself over a new connection.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamStatus } from '../../../../../electron/contract/wall-contract';
import { createRtspSource } from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
import { DEFAULT_TIMINGS } from '../../../../../electron/streams/core/session-timings';
import { StreamSession } from '../../../../../electron/streams/core/stream-session';
import {
  startRtspServer,
  type RtspServer,
} from '../../../../fixtures/rtsp-server/start-rtsp-server';

/** Relays TCP to `target`; freeze() makes every open connection go silent without closing. */
async function startFreezingRelay(target: number) {
  const frozen = new Set<net.Socket>();
  const live = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    live.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (!frozen.has(from)) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze() {
      for (const [client, upstream] of live) {
        frozen.add(client);
        frozen.add(upstream);
      }
    },
    close() {
      for (const [client, upstream] of live) {
        client.destroy();
        upstream.destroy();
      }
      server.close();
    },
  };
}

let rtsp: RtspServer;
let relay: Awaited<ReturnType<typeof startFreezingRelay>>;

beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  relay = await startFreezingRelay(rtsp.port);
});

afterAll(async () => {
  relay?.close();
  await rtsp?.stop();
});

describe('RTSP through a connection that goes half-open', () => {
  it('is reported stalled within the stall timeout, then reconnects and plays again', async () => {
    const statuses: StreamStatus[] = [];
    const url = `rtsp://127.0.0.1:${relay.port}/cam1`;
    const session = new StreamSession({
      cameraId: 'cam',
      quality: 'sub',
      label: 'Cẩm Đoài · Quầy 1',
      factory: createRtspSource({ url, username: 'admin', password: 'secret', label: 'Cẩm Đoài' }),
      onStatus: (s) => statuses.push(s),
      log: () => {},
    });
    const waitFor = async (predicate: () => boolean, timeoutMs: number, what: string) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    let bytes = 0;
    const detach = session.attach({
      send: (b) => (bytes += b.length),
      bufferedBytes: () => 0,
      close: () => {},
    });
    try {
      await waitFor(() => session.currentStatus.state === 'live', 20_000, 'live');
      relay.freeze();
      await waitFor(() => session.currentStatus.state === 'stalled', 15_000, 'stalled');
      // It was the session's stall watchdog that noticed (TCP itself never says anything).
      expect(session.currentStatus.detail).toContain(
        `video stopped for ${DEFAULT_TIMINGS.stallTimeoutMs / 1000} s`,
      );
      expect(session.currentStatus.retryAt).not.toBeNull();
      const bytesBefore = bytes;
      await waitFor(() => session.currentStatus.state === 'live', 30_000, 'live again');
      expect(session.connections).toBe(2);
      await waitFor(() => bytes > bytesBefore + 10_000, 10_000, 'video after the reconnect');
    } finally {
      detach();
      session.close();
    }
  });
});
