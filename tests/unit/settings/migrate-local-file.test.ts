// The one-time move of staff's settings from settings-local.json into the settings store:
// into the real store (conf, the derived schema), the old file kept as a .migrated backup.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastGoodPath } from '../../../electron/settings/atomic-json-file';
import { LEGACY_LOCAL_FILE, migrateLocalFile } from '../../../electron/settings/migrate-local-file';
import { localSlot } from './support/conf-store';

let dir: string;
let legacy: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-local-'));
  legacy = join(dir, LEGACY_LOCAL_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const local = (name: string) => ({
  schemaVersion: 2,
  sites: [{ id: 'xa-a', name }],
  cameras: [
    {
      id: 'quay-1',
      siteId: 'xa-a',
      name: 'Quầy 1',
      streams: {
        sub: {
          url: 'rtsp://10.0.0.5/1',
          auth: { type: 'password', username: 'viewer', password: 'vault:quay-1/sub/password' },
        },
      },
    },
  ],
});

describe('migrateLocalFile', () => {
  it('moves the file into the store once and keeps it as .migrated', () => {
    const text = JSON.stringify(local('Xã A'), null, 2);
    writeFileSync(legacy, text);
    expect(migrateLocalFile(legacy, localSlot(dir))).toMatchObject({
      moved: true,
      fromLastGood: false,
    });
    expect(localSlot(dir).read()).toEqual(local('Xã A'));
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(`${legacy}.migrated`, 'utf8')).toBe(text);
    // A second start finds it in the store and leaves everything as it is.
    writeFileSync(legacy, JSON.stringify(local('Xã khác')));
    expect(migrateLocalFile(legacy, localSlot(dir))).toEqual({
      moved: false,
      reason: 'already-in-store',
    });
    expect(localSlot(dir).read()).toEqual(local('Xã A'));
  });

  it('an early file without a version is taken as version 1', () => {
    const { schemaVersion: _, ...old } = local('Xã A');
    writeFileSync(legacy, JSON.stringify(old));
    expect(migrateLocalFile(legacy, localSlot(dir)).moved).toBe(true);
    expect(localSlot(dir).read()).toMatchObject({ schemaVersion: 1, sites: [{ id: 'xa-a' }] });
  });

  it('a damaged file: its last good copy goes in, both are kept', () => {
    writeFileSync(lastGoodPath(legacy), JSON.stringify(local('Xã cũ')));
    writeFileSync(legacy, '{"sites": [');
    const migration = migrateLocalFile(legacy, localSlot(dir));
    expect(migration).toMatchObject({ moved: true, fromLastGood: true });
    expect(migration.moved && migration.problem).toMatch(/not valid JSON/);
    expect(localSlot(dir).read()).toEqual(local('Xã cũ'));
    expect(readFileSync(`${legacy}.migrated`, 'utf8')).toBe('{"sites": [');
    expect(readdirSync(dir).some((f) => /^settings-local\.corrupt-.+\.json$/.test(f))).toBe(true);
  });

  it('a damaged file with no good copy: nothing goes in, the file is kept and named', () => {
    writeFileSync(legacy, '{"sites": [');
    const migration = migrateLocalFile(legacy, localSlot(dir));
    expect(migration).toMatchObject({ moved: false, reason: 'unreadable' });
    expect(localSlot(dir).read()).toBeUndefined();
    expect(readFileSync(`${legacy}.migrated`, 'utf8')).toBe('{"sites": [');
  });

  it('a file the store’s schema refuses stays where it is, untouched, for the next start', () => {
    const bad = JSON.stringify({
      schemaVersion: 2,
      sites: [{ id: '-bad id', name: 'X' }],
      cameras: [],
    });
    writeFileSync(legacy, bad);
    const migration = migrateLocalFile(legacy, localSlot(dir));
    expect(migration).toMatchObject({ moved: false, reason: 'refused' });
    expect(readFileSync(legacy, 'utf8')).toBe(bad);
    expect(localSlot(dir).read()).toBeUndefined();
  });

  it('no file: nothing to do', () => {
    expect(migrateLocalFile(legacy, localSlot(dir))).toEqual({ moved: false, reason: 'no-file' });
  });
});
