import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  MAX_VIEWERS_PER_STREAM,
  RefusalLog,
  truncateUtf8,
} from '../../../electron/gateway/gateway-limits';
import { LoopbackGateway } from '../../../electron/gateway/loopback-gateway';
import type { StreamBroker } from '../../../electron/streams/core/stream-broker';

describe('truncateUtf8', () => {
  it('keeps short reasons and cuts long ones to 123 bytes without splitting a character', () => {
    expect(truncateUtf8('There is no camera "x".')).toBe('There is no camera "x".');
    const long = `There is no camera "${'Cẩm Đoài '.repeat(30)}".`;
    const cut = truncateUtf8(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(123);
    expect(cut.endsWith('…')).toBe(true);
    expect(Buffer.from(cut).toString('utf8')).toBe(cut); // no broken sequence
  });
});

describe('RefusalLog', () => {
  it('logs a kind once a minute, then says how many it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const refusals = new RefusalLog(
      (line) => lines.push(line),
      () => now,
    );
    for (let i = 0; i < 500; i++) refusals.refuse('403 origin', `refused ${i}`);
    refusals.refuse('403 host', 'other kind');
    now = 60_000;
    refusals.refuse('403 origin', 'refused again');
    expect(lines).toEqual([
      'refused 0',
      'other kind',
      'refused again (and 499 more like it in the last minute)',
    ]);
  });
});

describe('LoopbackGateway limits', () => {
  const gateways: LoopbackGateway[] = [];
  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
  });

  async function start(known: (id: string) => boolean) {
    const log: string[] = [];
    // Counts viewers the way a session does: attach adds one, detach takes it away.
    const viewers = new Map<string, number>();
    const broker = {
      attach: (cameraId: string) => {
        if (!known(cameraId)) return { error: `There is no camera "${cameraId}".` };
        viewers.set(cameraId, (viewers.get(cameraId) ?? 0) + 1);
        return { detach: () => viewers.set(cameraId, (viewers.get(cameraId) ?? 1) - 1) };
      },
      session: (cameraId: string) =>
        viewers.has(cameraId) ? { viewerCount: viewers.get(cameraId) } : undefined,
    } as unknown as StreamBroker;
    const gateway = new LoopbackGateway({
      broker,
      allowedOrigins: () => ['app://wall'],
      log: (line) => log.push(line),
    });
    await gateway.listen();
    gateways.push(gateway);
    const open = (cameraId: string) =>
      new WebSocket(`${gateway.baseUrl}/${encodeURIComponent(cameraId)}/sub.flv`, {
        origin: 'app://wall',
      });
    return { gateway, log, open };
  }

  it('closes an unknown camera with a reason cut to the protocol’s size, whatever its id', async () => {
    const { open } = await start(() => false);
    const socket = open(`Cẩm-Giàng-${'Đ'.repeat(200)}`);
    const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
    expect(code).toBe(4404);
    expect(reason.length).toBeLessThanOrEqual(123);
    expect(reason.toString()).toMatch(/^There is no camera/);
  });

  it('refuses one viewer more than a stream takes, and takes one again when a viewer leaves', async () => {
    const { open, log } = await start(() => true);
    const sockets = Array.from({ length: MAX_VIEWERS_PER_STREAM }, () => open('huyen'));
    await Promise.all(sockets.map((s) => once(s, 'open')));
    const extra = open('huyen');
    const [error] = (await once(extra, 'error')) as [Error];
    expect(error.message).toMatch(/503/);
    expect(log.some((line) => /refused 503 .*viewers already watch/.test(line))).toBe(true);
    sockets[0]!.close();
    await once(sockets[0]!, 'close');
    const again = open('huyen');
    await once(again, 'open');
    for (const s of [...sockets, again]) s.terminate();
  });

  it('drops a client that sends more than a tile ever would', async () => {
    const { open } = await start(() => true);
    const socket = open('huyen');
    await once(socket, 'open');
    socket.send(Buffer.alloc(64 * 1024));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(1009); // message too big
  });
});
