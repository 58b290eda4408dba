// The store's JSON Schema is derived from the zod schema (store-schema.ts): what one refuses
// the other refuses, through the real store (conf and its validator). And a store written by
// a newer version still opens: its extra keys are kept, a layout this one cannot read is
// dropped alone.
import Conf from 'conf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRememberedLayouts } from '../../../electron/settings/migrate-remembered';
import { SettingsMemory, STORE_SCHEMA } from '../../../electron/settings/settings-store';
import { storeSchema } from '../../../electron/settings/store-schema';
import { openTestStore, storeFile } from './support/conf-store';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'store-schema-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const camera = {
  id: 'quay-1',
  siteId: 'xa-a',
  name: 'Quầy 1',
  streams: { sub: { url: 'demo:clip-1' } },
};
const local = (change: object) => ({ schemaVersion: 2, sites: [], cameras: [camera], ...change });

const samples: [string, string, unknown, boolean][] = [
  ['a remembered language', 'remembered', { demo: { locale: 'en' } }, true],
  ['an unknown language', 'remembered', { demo: { locale: 'fr' } }, false],
  [
    'an old layout',
    'remembered',
    { demo: { layout: { preset: '2x2', cameraIds: ['a', null] } } },
    true,
  ],
  [
    'an old layout of an unknown preset',
    'remembered',
    { demo: { layout: { preset: '9x9', cameraIds: [] } } },
    false,
  ],
  ['layouts that are not objects', 'remembered', { demo: { layouts: ['x'] } }, false],
  ['a PIN record', 'staff', { pinHash: 'scrypt$x', failures: 2, retryAt: null }, true],
  ['a negative wrong-try count', 'staff', { failures: -1 }, false],
  ['staff’s settings', 'localSettings', local({}), true],
  [
    'a camera without streams',
    'localSettings',
    local({ cameras: [{ ...camera, streams: undefined }] }),
    false,
  ],
  ['an id with a space', 'localSettings', local({ sites: [{ id: 'xa a', name: 'X' }] }), false],
  [
    'an unknown availability',
    'localSettings',
    local({ cameras: [{ ...camera, availability: 'gone' }] }),
    false,
  ],
  ['no list of cameras', 'localSettings', { schemaVersion: 2, sites: [] }, false],
];

describe('the store schema, derived from zod', () => {
  it.each(samples)('%s: zod and the store agree', (_name, key, value, valid) => {
    expect(storeSchema.safeParse({ [key]: value }).success).toBe(valid);
    const store = new Conf({ cwd: dir, configName: 'settings', schema: STORE_SCHEMA });
    if (valid) expect(() => store.set(key, value)).not.toThrow();
    else expect(() => store.set(key, value)).toThrow();
  });

  it('writes no defaults into the file (the settings schema applies them when read)', () => {
    const store = new Conf({ cwd: dir, configName: 'settings', schema: STORE_SCHEMA });
    store.set('localSettings', local({}));
    expect(store.get('localSettings')).toEqual(local({}));
  });
});

describe('a store a newer version wrote', () => {
  it('opens, keeps what it does not know, and drops only the layout it cannot read', () => {
    const known = { id: 'ca-sang', name: 'Ca sáng', template: '2x2', cameras: 'all' };
    const newer = { id: 'ban-do', name: 'Bản đồ', template: 'map-view', cameras: 'all', pins: [] };
    writeFileSync(
      storeFile(dir),
      JSON.stringify({
        remembered: { demo: { layouts: [known, newer], theme: 'dark' } },
        futureKey: { anything: true },
      }),
    );
    const opened = openTestStore(dir);
    expect(opened.damage).toBeNull();
    const remembered = new SettingsMemory(opened.store, 'demo').read();
    expect(remembered).toMatchObject({ theme: 'dark' });
    expect(readRememberedLayouts(remembered).layouts?.map((l) => l.id)).toEqual(['ca-sang']);
    expect(opened.store.get('futureKey')).toEqual({ anything: true });
  });
});
