// A real wall's heartbeat against IT's receiver over real HTTPS (a certificate made by openssl
// at test time, trusted through heartbeat.tls.ca): the beat carries what the wall's health
// record says (a demo camera live, a refused RTSP camera without picture), the receiver checks
// the signature the way README tells IT to, and refuses a wrong key, a replay and an old beat.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeartbeatBody } from '../../../electron/services/heartbeat/heartbeat-body';
import { postHeartbeat } from '../../../electron/services/heartbeat/heartbeat-post';
import { heartbeatReceiver } from '../../../electron/services/heartbeat/heartbeat-receiver';
import { signHeartbeat } from '../../../electron/services/heartbeat/heartbeat-signature';
import { wallHeartbeat } from '../../../electron/services/heartbeat/wall-heartbeat';
import { WallService } from '../../../electron/services/wall-service';
import type { HeartbeatSettings } from '../../../electron/settings/heartbeat-settings';
import { parseSettings } from '../../../electron/settings/validate-settings';
import { makeSelfSignedCert, type TestCert } from '../../fixtures/tls/make-cert';

const KEY = 'district-it-key-2026-cam-giang';
const ASSETS = join(import.meta.dirname, '../../../assets');
let dir: string;
let cert: TestCert;
let https: Server;
let http: ReturnType<typeof createHttp>;
let base: string;
const beats: HeartbeatBody[] = [];
const refusals: string[] = [];
const raw: { body: Buffer; headers: IncomingMessage['headers'] }[] = [];
let service: WallService;

function listener(req: IncomingMessage, res: ServerResponse) {
  if (req.url === '/moved') {
    res.writeHead(302, { location: '/beat' }).end();
    return;
  }
  if (req.url === '/silent') return; // never answers
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => raw.push({ body: Buffer.concat(chunks), headers: req.headers }));
  receiver(req, res);
}
const receiver = heartbeatReceiver({
  secret: KEY,
  onBeat: (beat) => beats.push(beat),
  onRefused: (problem) => refusals.push(problem),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'heartbeat-int-'));
  cert = makeSelfSignedCert();
  https = createHttps({ key: cert.key, cert: cert.cert }, listener);
  http = createHttp(listener);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;

  const parsed = parseSettings({
    schemaVersion: 2,
    sites: [
      { id: 'huyen', name: 'Bộ phận Một cửa huyện' },
      { id: 'cao-an', name: 'Xã Cao An' },
      { id: 'cam-vu', name: 'Xã Cẩm Vũ' },
    ],
    cameras: [
      { id: 'huyen-1', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
      // Nothing listens on port 1: refused at once, a camera without picture.
      {
        id: 'cao-an-1',
        siteId: 'cao-an',
        name: 'Quầy 1',
        streams: { sub: { url: 'rtsp://127.0.0.1:1/Streaming/Channels/102' } },
      },
      {
        id: 'cam-vu-1',
        siteId: 'cam-vu',
        name: 'Quầy 1',
        availability: 'not-installed',
        streams: { sub: { url: 'demo:none' } },
      },
    ],
    layout: { preset: '1x1', cameraIds: [] },
    // Round the clock: the cameras must play whenever the suite runs.
    schedule: { always: true },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  service = await WallService.start({
    settings: parsed.settings,
    configSource: 'file',
    memory: null,
    assetsDir: ASSETS,
    allowedOrigins: () => ['app://wall'],
    log: () => {},
    healthDir: join(dir, 'health'),
  });
});

afterAll(async () => {
  await service?.close();
  await new Promise((resolve) => https?.close(resolve));
  await new Promise((resolve) => http?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** IT's heartbeat field as the wall parses it from the file. */
function heartbeatField(field: Record<string, unknown>): HeartbeatSettings {
  const parsed = parseSettings({
    schemaVersion: 2,
    sites: [{ id: 'x', name: 'x' }],
    cameras: [],
    layout: { preset: '1x1', cameraIds: [] },
    heartbeat: field,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings.heartbeat!;
}

/** A wall heartbeat whose timers the test fires; the POST is the real one. */
function heartbeatOf(field: HeartbeatSettings) {
  const timers: (() => void)[] = [];
  const log: string[] = [];
  const heartbeat = wallHeartbeat({
    service,
    appVersion: '0.1.0',
    log: (line) => log.push(line),
    timers: { set: (run) => timers.push(run), clear: () => {} },
  });
  heartbeat.configure(field);
  return { heartbeat, log, fire: () => timers.shift()!() };
}

function replay(body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/beat`, { method: 'POST', headers, ca: cert.cert }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('heartbeat over HTTPS to IT’s receiver', () => {
  it('delivers what the health record says, signed, and the receiver takes it', async () => {
    const states = () =>
      Object.fromEntries(
        (service.health?.summary().sites ?? []).flatMap((s) =>
          s.cameras.map((c) => [c.cameraId, c.state]),
        ),
      );
    await expect.poll(states, { timeout: 20_000 }).toMatchObject({ 'huyen-1': 'live' });
    await expect
      .poll(() => states()['cao-an-1'], { timeout: 20_000 })
      .toMatch(/^(unreachable|error)$/);

    const field = heartbeatField({
      url: `${base}/beat?token=not-for-logs`,
      secret: KEY,
      wallName: 'Phòng Bí thư huyện',
      tls: { ca: cert.certPath },
    });
    const { heartbeat, log, fire } = heartbeatOf(field);
    fire();
    await expect.poll(() => beats.length, { timeout: 15_000 }).toBe(1);
    heartbeat.close();
    const beat = beats[0]!;
    expect(beat).toMatchObject({
      wall: 'Phòng Bí thư huyện',
      appVersion: '0.1.0',
      healthRecord: true,
      officeHours: { showing: true },
      totals: { centres: 3, centresDown: 1, cameras: 2, withPicture: 1 },
    });
    expect(beat.centres).toEqual([
      expect.objectContaining({
        id: 'huyen',
        down: false,
        cameras: [expect.objectContaining({ id: 'huyen-1', state: 'live', picture: true })],
      }),
      expect.objectContaining({
        id: 'cao-an',
        down: true,
        downSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        cameras: [expect.objectContaining({ id: 'cao-an-1', picture: false })],
      }),
      expect.objectContaining({ id: 'cam-vu', down: false, cameras: [] }),
    ]);
    expect(log.join('\n')).not.toContain('not-for-logs');
    expect(log.join('\n')).not.toContain(KEY);
  });

  it('refuses the same beat sent again, and one signed ten minutes ago', async () => {
    const captured = raw.at(-1)!;
    const headers = {
      'content-type': 'application/json',
      'x-wall-timestamp': String(captured.headers['x-wall-timestamp']),
      'x-wall-signature': String(captured.headers['x-wall-signature']),
    };
    expect(await replay(captured.body, headers)).toBe(401);
    expect(refusals.at(-1)).toBe('replayed');
    const old = signHeartbeat(captured.body.toString('utf8'), KEY, Date.now() - 10 * 60_000);
    expect(
      await replay(captured.body, {
        ...headers,
        'x-wall-timestamp': old.timestamp,
        'x-wall-signature': old.signature,
      }),
    ).toBe(401);
    expect(refusals.at(-1)).toBe('too-old');
    expect(beats).toHaveLength(1);
  });

  it('a wrong key is refused, and the wall says what to check', async () => {
    const field = heartbeatField({
      url: `${base}/beat`,
      secret: 'not-the-district-key',
      tls: { ca: cert.certPath },
    });
    const { heartbeat, log, fire } = heartbeatOf(field);
    fire();
    await expect.poll(() => log.length, { timeout: 15_000 }).toBe(2);
    heartbeat.close();
    expect(refusals.at(-1)).toBe('bad-signature');
    expect(log[1]).toBe(
      `heartbeat: not delivered: ${base}/beat answered HTTP 401: the receiver refused the signature; check that heartbeat.secret is the key it holds and that this PC’s clock is right; the wall keeps running`,
    );
    expect(beats).toHaveLength(1);
  });

  it('never trusts a certificate IT did not give, follows no redirect, and gives up in time', async () => {
    const signed = signHeartbeat('{}', KEY, Date.now());
    const post = (url: string, extra: object = {}) =>
      postHeartbeat({ url, body: '{}', ...signed, userAgent: 'test', ...extra });
    const untrusted = await post(`${base}/beat`);
    expect(untrusted).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^cannot reach .*(SELF_SIGNED|CERT)/),
    });
    const ca = cert.cert;
    const trust = { tlsTrust: { ca } };
    const pinned = { tlsTrust: { ca, fingerprint256: cert.fingerprint256 } };
    // The right pin gets through TLS (the receiver then refuses "{}": not a beat).
    expect(await post(`${base}/beat`, pinned)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('HTTP 400'),
    });
    expect(
      await post(`${base}/beat`, { tlsTrust: { ca, fingerprint256: 'AB:'.repeat(31) + 'AB' } }),
    ).toEqual({
      ok: false,
      problem: `cannot reach ${base}/beat (the receiver's certificate is not the one pinned in heartbeat.tls)`,
    });
    expect(await post(`${base}/moved`, trust)).toEqual({
      ok: false,
      problem: `${base}/moved answered HTTP 302 (a redirect, not followed): point heartbeat.url at the final address`,
    });
    expect(await post(`${base}/silent`, { ...trust, timeoutMs: 500 })).toEqual({
      ok: false,
      problem: `no answer from ${base}/silent within 0.5 s`,
    });
  });

  it('plain http:// to this PC works the same way', async () => {
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/beat`;
    const { heartbeat, fire } = heartbeatOf(heartbeatField({ url, secret: KEY }));
    fire();
    await expect.poll(() => beats.length, { timeout: 15_000 }).toBe(2);
    heartbeat.close();
    expect(beats[1]!.wall).toBeTruthy();
  });
});
