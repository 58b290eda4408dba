import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreSafely } from '../../../electron/settings/open-store-safely';
import { STORE_SCHEMA, SettingsMemory } from '../../../electron/settings/settings-store';

let dir: string;
let file: string;
const create = () => new Conf({ cwd: dir, configName: 'settings', schema: STORE_SCHEMA });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wall-store-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openStoreSafely with conf', () => {
  it('opens a fresh store without a warning', () => {
    const opened = openStoreSafely(create, file);
    expect(opened.warning).toBeNull();
    new SettingsMemory(opened.store, 'demo').write({ locale: 'en' });
    expect(new SettingsMemory(create(), 'demo').read()).toEqual({ locale: 'en' });
  });

  it('keeps a garbage file aside, intact, and starts with defaults', () => {
    const garbage = '{"remembered": {"demo": {"locale": "vi"}} \u0000 not json';
    writeFileSync(file, garbage);
    const opened = openStoreSafely(create, file);

    const memory = new SettingsMemory(opened.store, 'demo');
    expect(memory.read()).toEqual({});
    memory.write({ locale: 'en' });
    expect(memory.read()).toEqual({ locale: 'en' });

    const aside = readdirSync(dir).filter((f) => /^settings\.corrupt-.+\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(garbage);
    expect(opened.warning).toContain(aside[0]);
    expect(opened.warning).toMatch(/damaged/);
  });

  it('keeps a file that fails the schema aside too', () => {
    const wrong = JSON.stringify({ remembered: { demo: { locale: 'fr' } } });
    writeFileSync(file, wrong);
    const opened = openStoreSafely(create, file);
    expect(opened.warning).not.toBeNull();
    expect(new SettingsMemory(opened.store, 'demo').read()).toEqual({});
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.corrupt-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(wrong);
  });

  it('rethrows when the store fails and there is no file to blame', () => {
    const boom = new Error('disk on fire');
    expect(() =>
      openStoreSafely(() => {
        throw boom;
      }, file),
    ).toThrow(boom);
  });
});

describe('SettingsMemory', () => {
  it('keeps one entry per configuration and merges changes', () => {
    const store = create();
    const a = new SettingsMemory(store, 'a');
    const b = new SettingsMemory(store, 'b');
    a.write({ locale: 'en' });
    a.write({ layout: { preset: '1x1', cameraIds: ['x'] } });
    b.write({ locale: 'vi' });
    expect(a.read()).toEqual({ locale: 'en', layout: { preset: '1x1', cameraIds: ['x'] } });
    expect(b.read()).toEqual({ locale: 'vi' });
  });
});
