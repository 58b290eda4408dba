// The one start-up both hosts share, with a fake host: what it logs, how it opens the store,
// where it finds the configuration, and that the service's events reach the host once.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWall, type HostServing, type WallHost } from '../../../electron/services/start-wall';
import type { KeyValueStore } from '../../../electron/settings/settings-store';
import { createConf, storeFile } from '../settings/support/conf-store';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const wall of started.splice(0)) await wall.close();
});

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

function fakeHost(change: Partial<WallHost<HostServing>> = {}) {
  const log: string[] = [];
  const pushed: [string, unknown][] = [];
  let closed = 0;
  const host: WallHost<HostServing> = {
    log: (line) => log.push(line),
    config: { argument: null, environment: undefined, dataFolderFile: null },
    secretCodec: null,
    store: null,
    assetsDir: 'assets',
    allowedOrigins: () => ['app://wall'],
    serve: async () => ({
      push: (channel, payload) => pushed.push([channel, payload]),
      close: async () => void (closed += 1),
    }),
    ...change,
  };
  return { host, log, pushed, closed: () => closed };
}

async function start(host: WallHost<HostServing>) {
  const wall = await startWall(host);
  started.push(wall);
  return wall;
}

describe('startWall', () => {
  it('says where the configuration comes from, and starts the demo without one', async () => {
    const fake = fakeHost();
    const wall = await start(fake.host);
    expect(fake.log).toContain('start: no configuration found: showing the embedded demo wall');
    expect(wall.service.snapshot().configSource).toBe('demo');
  });

  it('takes --config before the environment and the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-wall-'));
    const file = join(dir, 'wall.json');
    writeFileSync(file, '{ not json');
    const fake = fakeHost({
      config: { argument: file, environment: '/elsewhere.json', dataFolderFile: null },
    });
    // A bad file never stops the wall: with no configuration that worked before, it shows
    // the file's problems full screen (and watches the file).
    const wall = await start(fake.host);
    expect(fake.log).toContain(`start: configuration from --config ${file}`);
    const status = await wall.service.handle('settings:get-status', undefined);
    expect(status).toMatchObject({
      ok: true,
      value: {
        blocking: {
          file,
          problems: [{ message: { en: expect.stringMatching(/not valid JSON/) } }],
        },
      },
    });
  });

  it('warns once when the key store is weak', async () => {
    const codec = {
      available: true,
      weak: true,
      encrypt: (s: string) => s,
      decrypt: (s: string) => s,
    };
    const fake = fakeHost({ secretCodec: codec });
    await start(fake.host);
    expect(
      fake.log.filter((l) => l.startsWith('credentials: this PC has no key store')),
    ).toHaveLength(1);
  });

  it('keeps a damaged store aside, says so, and starts with a fresh one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-wall-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{ damaged');
    let opens = 0;
    const fake = fakeHost({
      store: {
        file,
        open: () => {
          opens += 1;
          if (existsSync(file)) throw new Error('Unexpected token');
          return memoryStore();
        },
      },
    });
    await start(fake.host);
    expect(opens).toBe(2);
    expect(fake.log.some((l) => l.startsWith('settings: ') && l.includes('was damaged'))).toBe(
      true,
    );
    expect(readdirSync(dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
  });

  it('a damaged conf store: staff’s centres come back from its last good copy, and the status says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-wall-'));
    const store = { file: storeFile(dir), open: createConf(dir) };
    const first = await start(fakeHost({ store }).host);
    const saved = await first.service.handle('staff:set-pin', { pin: '2468' });
    expect(saved).toMatchObject({ ok: true });
    await first.service.handle('settings:save-centre', { name: 'Xã Cẩm Vũ' });
    writeFileSync(storeFile(dir), '{"localSettings": {"sites": [');
    const fake = fakeHost({ store });
    const wall = await start(fake.host);
    expect(wall.service.snapshot().sites.map((s) => s.id)).toEqual(['xa-cam-vu']);
    const status = await wall.service.handle('settings:get-status', undefined);
    expect(status).toMatchObject({
      ok: true,
      value: {
        notices: expect.arrayContaining([expect.objectContaining({ id: 'store-damaged' })]),
      },
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'))).toHaveLength(1);
  });

  it('hands the service to the host and forwards its events to it once', async () => {
    const fake = fakeHost();
    const wall = await start(fake.host);
    const result = await wall.service.handle('wall:set-locale', 'en');
    expect(result).toMatchObject({ ok: true });
    expect(fake.pushed).toEqual([['wall:snapshot', expect.objectContaining({ locale: 'en' })]]);
  });

  it('closes the host’s serving and the service', async () => {
    const fake = fakeHost();
    const wall = await startWall(fake.host);
    await wall.close();
    expect(fake.closed()).toBe(1);
    await wall.service.handle('wall:set-locale', 'vi');
    expect(fake.pushed).toEqual([]);
  });
});
