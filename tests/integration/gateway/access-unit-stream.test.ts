// The access-unit format end to end under Node: a real session (the demo source paces the
// committed x264 clip) behind the real loopback gateway, read by a WebSocket client the way the
// renderer's WebCodecs engine reads it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { decodeAuMessage, type AuMessage } from '../../../electron/contract/access-unit-wire';
import { accessUnitUrl, replayUrl, streamUrl } from '../../../electron/contract/stream-path';
import { LoopbackGateway } from '../../../electron/gateway/loopback-gateway';
import { demoSettings } from '../../../electron/settings/demo-config';
import { StreamBroker } from '../../../electron/streams/core/stream-broker';
import { createStreamResolver } from '../../../electron/streams/stream-resolver';

const CAMERA = 'huyen-quay-1';
const ORIGIN = 'app://wall';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWall() {
  const broker = new StreamBroker({
    resolve: createStreamResolver(demoSettings(), { assetsDir: 'assets', log: () => {} }),
    onStatus: () => {},
    log: () => {},
    replay: { maxMs: 30_000, maxBytes: 16 * 1024 * 1024 },
  });
  const gateway = new LoopbackGateway({ broker, allowedOrigins: () => [ORIGIN], log: () => {} });
  await gateway.listen();
  cleanups.push(
    () => broker.close(),
    () => gateway.close(),
  );
  return { broker, gateway };
}

interface Reader {
  messages: AuMessage[];
  raw: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
}

function read(url: string): Reader {
  const ws = new WebSocket(url, { headers: { Origin: ORIGIN } });
  const reader: Reader = {
    messages: [],
    raw: [],
    closed: new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
  };
  ws.on('message', (data: Buffer) => {
    reader.raw.push(data);
    const message = decodeAuMessage(new Uint8Array(data));
    if (message) reader.messages.push(message);
  });
  ws.on('unexpected-response', (_req, res) =>
    reader.messages.push({
      kind: 'config',
      codec: `refused ${res.statusCode}`,
      description: new Uint8Array(),
      width: 0,
      height: 0,
    }),
  );
  ws.on('error', () => {}); // a refused upgrade; the test reads the status instead
  cleanups.push(() => ws.terminate());
  return reader;
}

const frames = (r: Reader) => r.messages.filter((m) => m.kind === 'frame');

describe('the gateway’s access-unit stream', () => {
  it('starts with the codec and a keyframe, every message readable, times in order', async () => {
    const { gateway } = await startWall();
    const since = Date.now();
    const tile = read(accessUnitUrl(streamUrl(gateway.baseUrl, CAMERA, 'sub')));
    await vi.waitUntil(() => frames(tile).length >= 30, { timeout: 30_000, interval: 50 });
    expect(tile.messages.length).toBe(tile.raw.length); // nothing FLV, nothing unreadable
    const [config, first] = tile.messages;
    expect(config).toMatchObject({
      kind: 'config',
      codec: expect.stringMatching(/^avc1\.[0-9a-f]{6}$/),
    });
    expect(config?.kind === 'config' && config.description[0]).toBe(1);
    expect(first).toMatchObject({ kind: 'frame', keyframe: true, dts: 0 });
    const list = frames(tile);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as Extract<AuMessage, { kind: 'frame' }>;
      const b = list[i] as Extract<AuMessage, { kind: 'frame' }>;
      expect(b.dts).toBeGreaterThanOrEqual(a.dts);
      expect(b.receivedAt).toBeGreaterThanOrEqual(since);
    }
  });

  it('starts a second tile at the session’s cached keyframe, beside an FLV tile, one upstream', async () => {
    const { gateway, broker } = await startWall();
    const url = streamUrl(gateway.baseUrl, CAMERA, 'sub');
    const flvBytes: Buffer[] = [];
    const flv = new WebSocket(url, { headers: { Origin: ORIGIN } });
    flv.on('message', (data: Buffer) => flvBytes.push(data));
    cleanups.push(() => flv.terminate());
    // Wait until the session has a keyframe and a few frames after it cached.
    await vi.waitUntil(() => flvBytes.length >= 20, { timeout: 30_000, interval: 50 });
    const late = read(accessUnitUrl(url));
    await vi.waitUntil(() => frames(late).length >= 5, { timeout: 30_000, interval: 50 });
    expect(late.messages[0]?.kind).toBe('config');
    expect(late.messages[1]).toMatchObject({ kind: 'frame', keyframe: true, dts: 0 });
    expect(Buffer.from(flvBytes[0]!.subarray(0, 3)).toString()).toBe('FLV');
    expect(broker.session(CAMERA, 'sub')?.connections).toBe(1);
    expect(broker.session(CAMERA, 'sub')?.viewerCount).toBe(2);
  });

  it('refuses the format for a replay, and a page from another origin', async () => {
    const { gateway } = await startWall();
    const replay = read(replayUrl(gateway.baseUrl, CAMERA, 'sub', 10).replace(/\.flv$/, '.au'));
    const foreign = new WebSocket(accessUnitUrl(streamUrl(gateway.baseUrl, CAMERA, 'sub')), {
      headers: { Origin: 'http://evil.example' },
    });
    cleanups.push(() => foreign.terminate());
    const status = new Promise<number>((resolve) =>
      foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    foreign.on('error', () => {});
    expect(await status).toBe(403);
    await vi.waitUntil(() => replay.messages.length > 0, { timeout: 10_000, interval: 50 });
    expect(replay.messages[0]).toMatchObject({ codec: 'refused 404' });
  });
});
