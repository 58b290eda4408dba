// IT's receiver on a real local HTTP server: what it answers to each kind of request, and the
// line it prints per beat.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatBody } from '../../../../electron/services/heartbeat/heartbeat-body';
import {
  beatLine,
  heartbeatReceiver,
} from '../../../../electron/services/heartbeat/heartbeat-receiver';
import { signHeartbeat } from '../../../../electron/services/heartbeat/heartbeat-signature';

const KEY = 'district-it-key-2026';
const NOW = Date.UTC(2026, 10, 30, 2, 0, 0);
let server: Server;
const taken: string[] = [];
const refused: string[] = [];

beforeAll(async () => {
  server = createServer(
    heartbeatReceiver({
      secret: KEY,
      now: () => NOW,
      onBeat: (beat) => taken.push(beat.wall),
      onRefused: (problem) => refused.push(problem),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(method: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const port = (server.address() as AddressInfo).port;
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signedHeaders = (body: string) => {
  const { timestamp, signature } = signHeartbeat(body, KEY, NOW);
  return { 'x-wall-timestamp': timestamp, 'x-wall-signature': signature };
};

const beat = heartbeatBody({
  now: NOW,
  facts: {
    wall: 'Phòng Bí thư',
    appVersion: '0.1.0',
    startedAt: NOW - 3 * 3600_000,
    pcUptimeSeconds: 1,
    provisioningSequence: null,
  },
  summary: {
    generatedAt: NOW,
    timeZone: 'Asia/Ho_Chi_Minh',
    sites: [
      {
        siteId: 'cao-an',
        down: true,
        downSince: NOW - 600_000,
        availability: { today: 0, week: 0, month: 0 },
        days: [],
        cameras: [
          {
            cameraId: 'cao-an-1',
            state: 'unreachable',
            since: NOW - 600_000,
            reason: null,
            availability: { today: 0, week: 0, month: 0 },
            lastOutage: null,
          },
        ],
      },
    ],
  },
  hours: null,
});

describe('heartbeat receiver', () => {
  it('takes a signed beat (204) and refuses everything else with a reason', async () => {
    const body = JSON.stringify(beat);
    expect(await send('POST', body, signedHeaders(body))).toBe(204);
    expect(taken).toEqual(['Phòng Bí thư']);
    expect(await send('GET', '')).toBe(405);
    expect(await send('POST', body)).toBe(401);
    expect(refused.at(-1)).toBe('missing');
    expect(await send('POST', 'not json', signedHeaders('not json'))).toBe(400);
    expect(await send('POST', '{"a":1}', signedHeaders('{"a":1}'))).toBe(400);
    expect(refused.slice(-2)).toEqual(['not JSON', 'not a heartbeat']);
    const big = Buffer.alloc(300 * 1024, 32);
    expect(await send('POST', big, signedHeaders(big.toString()))).toBe(413);
    expect(taken).toHaveLength(1);
  });

  it('prints one line per beat: the wall and the centres it cannot see', () => {
    expect(beatLine(beat)).toBe(
      '2026-11-30T02:00:00.000Z Phòng Bí thư (v0.1.0, up 180 min, hours unknown): 0/1 cameras with picture; cannot see cao-an (since 2026-11-30T01:50:00.000Z)',
    );
    expect(beatLine({ ...beat, healthRecord: false, centres: [] })).toMatch(
      /: 0\/1 cameras with picture; this PC keeps no health record$/,
    );
  });
});
