// Servers that answer and keep failing the same way, against local node:http servers, with the
// wall's real timings; requests are counted at the server over fixed windows of the test's own
// clock, with generous bounds. Before the failure-kind backoff each of these was asked about
// every 1.4 s (plus its play time) forever.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamStatus } from '../../../electron/contract/wall-contract';
import { StreamBroker } from '../../../electron/streams/core/stream-broker';
import { FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../../../electron/streams/flv/flv-tag';
import { FlvReader } from '../../../electron/streams/flv/flv-reader';
import { encodeFlvHeader, encodeFlvTag } from '../../../electron/streams/flv/flv-writer';
import { createHttpFlvSource } from '../../../electron/streams/protocols/http-flv/http-flv-source';

const CLIP: FlvTag[] = new FlvReader()
  .push(readFileSync(join(__dirname, '../../../assets/demo/clip-1.flv')))
  .flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
const isFrame = (t: FlvTag) => t.type === FLV_TAG_VIDEO && !videoTagInfo(t.data).sequenceHeader;

type Mode = 'ends-after-3s' | 'garbage' | 'http-503';
const sink = { send: () => {}, bufferedBytes: () => 0, close: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const servers: http.Server[] = [];
const brokers: StreamBroker[] = [];
afterEach(async () => {
  brokers.splice(0).forEach((b) => b.close());
  await Promise.all(
    servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())),
  );
});

/** A server in `mode`; `requests` holds when each request arrived (ms since `t0`). */
async function serve(mode: Mode, t0: () => number) {
  const requests: number[] = [];
  const server = http.createServer((req, res) => {
    requests.push(Date.now() - t0());
    if (mode === 'http-503') {
      res.writeHead(503).end('busy');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'video/x-flv' });
    if (mode === 'garbage') {
      res.end(randomBytes(4096));
      return;
    }
    // The clip in real time for 3 s, then a normal end of the response: a stream that "ends".
    res.write(encodeFlvHeader({ audio: false, video: true }));
    const tags = CLIP.slice();
    const started = Date.now();
    const timer = setInterval(() => {
      const elapsed = Date.now() - started;
      while (tags.length > 0 && (!isFrame(tags[0]!) || tags[0]!.timestamp <= elapsed)) {
        res.write(encodeFlvTag(tags.shift()!));
      }
      if (elapsed >= 3_000) {
        clearInterval(timer);
        res.end();
      }
    }, 20);
    res.on('close', () => clearInterval(timer));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live/cam.flv`;
  return { url, requests };
}

function brokerFor(urls: Record<string, string>, statuses: StreamStatus[], logs: string[]) {
  const broker = new StreamBroker({
    resolve: (cameraId) => ({
      label: cameraId,
      factory: createHttpFlvSource({ url: urls[cameraId]!, label: cameraId }),
    }),
    onStatus: (status) => statuses.push(status),
    log: (line) => logs.push(line),
  });
  brokers.push(broker);
  return broker;
}

const within = (times: number[], from: number, to: number) =>
  times.filter((t) => t >= from && t < to).length;

describe('a server that ends the stream every 3 s', () => {
  it('reads unstable (never live again), is asked ever more rarely, and logs each kind once', async () => {
    let t0 = Date.now();
    const camera = await serve('ends-after-3s', () => t0);
    const statuses: StreamStatus[] = [];
    const logs: string[] = [];
    const broker = brokerFor({ flaky: camera.url }, statuses, logs);
    t0 = Date.now();
    broker.attach('flaky', 'sub', sink);
    await sleep(55_000);

    const states = statuses.map((s) => s.state);
    const flagged = states.indexOf('unstable');
    expect(flagged, states.join(' ')).toBeGreaterThan(0);
    expect(states.slice(flagged)).not.toContain('live');
    // 3 s of play, then waits of 1, 2, 4, 8, 16, 32 s (up to 20 % less): about 6 requests
    // in 55 s, and 1 in its last 25; fast retries would have made about 12, and 6.
    expect(camera.requests.length, camera.requests.join(', ')).toBeLessThanOrEqual(8);
    expect(within(camera.requests, 30_000, 55_000)).toBeLessThanOrEqual(2);
    expect(logs.filter((l) => /ended the stream|cut off/.test(l))).toHaveLength(1);
    expect(logs.filter((l) => /video is back/.test(l))).toHaveLength(1);
    expect(logs.join('\n')).not.toMatch(/cannot reach/);
  }, 90_000);
});

describe('servers that answer with garbage or HTTP 503', () => {
  it('are asked ever more rarely, not every 1.4 s', async () => {
    let t0 = Date.now();
    const garbage = await serve('garbage', () => t0);
    const busy = await serve('http-503', () => t0);
    const statuses: StreamStatus[] = [];
    const broker = brokerFor({ garbage: garbage.url, busy: busy.url }, statuses, []);
    t0 = Date.now();
    broker.attach('garbage', 'sub', sink);
    broker.attach('busy', 'sub', sink);
    await sleep(45_000);
    for (const { requests } of [garbage, busy]) {
      // Waits of 1, 2, 4, 8, 16 s (up to 20 % less): about 6 requests in 45 s, 1 in its last
      // 15 s; retries every ~1.4 s would have made about 32, and 10.
      expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(9);
      expect(requests.length).toBeGreaterThanOrEqual(3);
      expect(within(requests, 30_000, 45_000)).toBeLessThanOrEqual(2);
    }
    expect(broker.session('garbage', 'sub')!.currentStatus.state).toBe('error');
  }, 90_000);
});
