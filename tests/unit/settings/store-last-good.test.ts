// The settings store never loses what it held: a write killed at any moment leaves a store
// that opens whole (the old value or the new one), and a damaged or invalid file is kept
// beside while the wall starts on the last good copy. Real conf, a real child process killed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastGoodPath, type WriteStep } from '../../../electron/settings/atomic-json-file';
import { localSettingsSlot } from '../../../electron/settings/settings-store';
import { openTestStore, storeFile } from './support/conf-store';

const CHILD = resolve(__dirname, 'support/store-writer.ts');
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'store-last-good-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Local = { sites: { id: string; name: string }[] };

/** Starts the writer; SIGKILLs it once it printed `until`; resolves with what it printed. */
function killWriter(stopAt: WriteStep | 'never', until: RegExp): Promise<string> {
  return new Promise((done, fail) => {
    // Node itself with tsx's loader (not the tsx wrapper): the SIGKILL must hit the writer.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, stopAt], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) => done(`${out}exit:${signal ?? 'none'}\n`));
  });
}

/** Every centre of one version, none half of another. */
function expectWholeVersion(local: Local): number {
  const n = local.sites.length;
  expect(n).toBeGreaterThan(0);
  expect(local.sites.every((s) => s.name.endsWith(` v${n}`))).toBe(true);
  return n;
}

describe('the settings store under a killed writer', () => {
  it('killed at a random moment of a stream of writes: it opens whole, undamaged', async () => {
    const out = await killWriter('never', /wrote:3\n/);
    expect(out).toContain('exit:SIGKILL');
    const opened = openTestStore(dir);
    expect(opened.damage).toBeNull();
    const n = expectWholeVersion(localSettingsSlot(opened.store).read() as Local);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it.each(['temp-written', 'temp-synced'] as const)(
    'killed while copying the last good copy (%s): the store and the copy are whole',
    async (step) => {
      const out = await killWriter(step, new RegExp(`stopped:${step}`));
      expect(out).toMatch(new RegExp(`stopped:${step}:2`));
      // conf had written version 2; its copy was cut short, so the copy of version 1 stands.
      const before = JSON.parse(readFileSync(lastGoodPath(storeFile(dir)), 'utf8'));
      expect(expectWholeVersion(before.localSettings)).toBe(1);
      const cutShort = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
      expect(cutShort).toEqual([
        expect.stringMatching(/^settings\.last-good\.json\.[0-9a-f]{12}\.tmp$/),
      ]);
      const opened = openTestStore(dir);
      expect(opened.damage).toBeNull();
      // The cut-short copy is cleared when the store opens.
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(expectWholeVersion(localSettingsSlot(opened.store).read() as Local)).toBe(2);
      const copy = JSON.parse(readFileSync(lastGoodPath(storeFile(dir)), 'utf8'));
      expect(copy.localSettings.sites).toHaveLength(2); // refreshed when the store opened
    },
  );
});

describe('a damaged settings store', () => {
  function storeWithTwoCentres(): void {
    const slot = localSettingsSlot(openTestStore(dir).store);
    slot.write({ schemaVersion: 2, sites: [{ id: 'xa-a', name: 'Xã A' }], cameras: [] });
    slot.write({
      schemaVersion: 2,
      sites: [
        { id: 'xa-a', name: 'Xã A' },
        { id: 'xa-b', name: 'Xã B' },
      ],
      cameras: [],
    });
  }

  it.each([
    ['cut short', '{"localSettings": {"schemaVersion": 2, "sites": [{"id": "xa'],
    ['not JSON at all', '\u0000\u0000\u0000'],
    ['invalid for the schema', JSON.stringify({ localSettings: { sites: 'many' } })],
    ['invalid remembered state', JSON.stringify({ remembered: { demo: { locale: 'fr' } } })],
  ])('%s: starts on the last good copy and keeps the broken file beside', (_name, broken) => {
    storeWithTwoCentres();
    writeFileSync(storeFile(dir), broken);
    const opened = openTestStore(dir);
    expect(opened.damage).toMatchObject({ startedOn: 'last-good' });
    expect(readFileSync(opened.damage!.keptAs, 'utf8')).toBe(broken);
    expect(opened.damage!.keptAs).toMatch(/settings\.corrupt-.+\.json$/);
    expect(opened.warning).toMatch(/damaged.*kept as .*corrupt.*last good copy/);
    const local = localSettingsSlot(opened.store).read() as Local;
    expect(local.sites.map((s) => s.id)).toEqual(['xa-a', 'xa-b']);
  });

  it('with no good copy either: defaults, and both files are kept', () => {
    storeWithTwoCentres();
    const badCopy = JSON.stringify({ staff: { failures: -1 } });
    writeFileSync(lastGoodPath(storeFile(dir)), badCopy);
    writeFileSync(storeFile(dir), '{');
    const opened = openTestStore(dir);
    expect(opened.damage).toMatchObject({ startedOn: 'defaults' });
    expect(localSettingsSlot(opened.store).read()).toBeUndefined();
    expect(readFileSync(opened.damage!.keptAs, 'utf8')).toBe('{');
    expect(existsSync(lastGoodPath(storeFile(dir)))).toBe(true);
  });

  it('a write the schema refuses changes neither the store nor its last good copy', () => {
    storeWithTwoCentres();
    const before = readFileSync(lastGoodPath(storeFile(dir)), 'utf8');
    const slot = localSettingsSlot(openTestStore(dir).store);
    expect(() =>
      slot.write({ schemaVersion: 2, sites: [{ id: '', name: 'X' }], cameras: [] }),
    ).toThrow(/localSettings|sites|id/);
    expect(readFileSync(lastGoodPath(storeFile(dir)), 'utf8')).toBe(before);
    expect((slot.read() as Local).sites).toHaveLength(2);
  });
});
