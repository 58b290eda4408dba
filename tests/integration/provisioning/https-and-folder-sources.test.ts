// The poller against a real HTTPS server (a certificate made by openssl at test time, trusted
// through the fetcher's `ca`) and a real folder standing in for a USB stick.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsLike } from '../../../electron/provisioning/bundle-format';
import { createHttpsFetcher } from '../../../electron/provisioning/https-source';
import {
  createProvisioningPoller,
  type BundleSource,
} from '../../../electron/provisioning/provisioning-poller';
import { makeSelfSignedCert } from '../../fixtures/tls/make-cert';
import {
  days,
  fleetKey,
  payload,
  pinned,
  signed,
  wall,
} from '../../unit/provisioning/bundle-fixtures';

let dir: string;
let server: Server;
let base: string;
let ca: Buffer;
const bundle = signed();
const requests: { url: string; ifNoneMatch: string | undefined }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'owb-int-'));
  const cert = makeSelfSignedCert();
  ca = Buffer.from(cert.cert);
  server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    const port = (server.address() as AddressInfo).port;
    if (req.url === '/wall.owb') {
      if (req.headers['if-none-match'] === '"b7"') return void res.writeHead(304).end();
      return void res.writeHead(200, { etag: '"b7"' }).end(bundle);
    }
    if (req.url === '/moved') return void res.writeHead(302, { location: '/wall.owb' }).end();
    if (req.url === '/elsewhere') {
      return void res.writeHead(302, { location: `https://localhost:${port}/wall.owb` }).end();
    }
    if (req.url === '/huge') return void res.writeHead(200).end(Buffer.alloc(1_100_000, 0x20));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function poller(source: BundleSource, stateName: string) {
  const applied: SettingsLike[] = [];
  const p = createProvisioningPoller({
    source,
    publicKeys: pinned,
    fleetKey,
    statePath: join(dir, stateName),
    now: () => days(1),
    getCurrent: () => wall(),
    apply: async (next) => void applied.push(next),
  });
  return { p, applied };
}

describe('HTTPS source', () => {
  it('applies the bundle once, then gets 304 with If-None-Match', async () => {
    const { p, applied } = poller(
      { kind: 'https', url: `${base}/wall.owb`, fetch: createHttpsFetcher({ ca }) },
      's1.json',
    );
    expect(await p.pollOnce()).toMatchObject({ outcome: 'applied', sequence: 7 });
    expect(await p.pollOnce()).toMatchObject({ outcome: 'up-to-date' });
    expect(applied).toEqual([wall()]);
    expect(requests.filter((r) => r.url === '/wall.owb').map((r) => r.ifNoneMatch)).toEqual([
      undefined,
      '"b7"',
    ]);
  });

  it('follows a redirect on the same host', async () => {
    const { p } = poller(
      { kind: 'https', url: `${base}/moved`, fetch: createHttpsFetcher({ ca }) },
      's2.json',
    );
    expect(await p.pollOnce()).toMatchObject({ outcome: 'applied' });
  });

  it.each([
    ['/elsewhere', /redirected to another host \(localhost:\d+\)/],
    ['/huge', /larger than 1024 KB/],
  ])('refuses %s', async (path, message) => {
    const { p, applied } = poller(
      { kind: 'https', url: `${base}${path}`, fetch: createHttpsFetcher({ ca }) },
      's3.json',
    );
    const status = await p.pollOnce();
    expect(status.outcome).toBe('source-error');
    expect(status.message).toMatch(message);
    expect(applied).toEqual([]);
  });

  it('does not trust the server without its CA, and refuses plain http', async () => {
    const untrusted = await poller(
      { kind: 'https', url: `${base}/wall.owb`, fetch: createHttpsFetcher() },
      's4.json',
    ).p.pollOnce();
    expect(untrusted.outcome).toBe('source-error');
    const plain = await poller(
      { kind: 'https', url: 'http://127.0.0.1:9/wall.owb', fetch: createHttpsFetcher({ ca }) },
      's5.json',
    ).p.pollOnce();
    expect(plain.message).toMatch(/must start with https/);
  });
});

describe('folder source (a USB stick)', () => {
  it('applies the newest .owb by modification time and ignores other files', async () => {
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    const older = signed(payload({ sequence: 9 }));
    const newer = signed(payload({ sequence: 10 }));
    writeFileSync(join(stick, 'z-older.owb'), older);
    writeFileSync(join(stick, 'a-newer.owb'), newer);
    writeFileSync(join(stick, 'notes.txt'), 'not a bundle');
    utimesSync(join(stick, 'z-older.owb'), days(-2), days(-2));
    utimesSync(join(stick, 'a-newer.owb'), days(-1), days(-1));
    const { p } = poller({ kind: 'folder', path: stick }, 's6.json');
    expect(await p.pollOnce()).toMatchObject({ outcome: 'applied', sequence: 10 });
    expect(await p.pollOnce()).toMatchObject({ outcome: 'up-to-date', sequence: 10 });
  });

  it('reports no bundle when the stick is not there', async () => {
    const { p } = poller({ kind: 'folder', path: join(dir, 'unplugged') }, 's7.json');
    expect(await p.pollOnce()).toMatchObject({ outcome: 'no-bundle' });
  });
});
