import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  lastGoodPath,
  readJsonSafely,
  writeJsonAtomically,
  type WriteStep,
} from '../../../electron/settings/atomic-json-file';

const CHILD = resolve(__dirname, 'support/write-and-stop.ts');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-json-'));
  file = join(dir, 'settings-local.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Doc = { version: string };
const check = (json: unknown) =>
  typeof json === 'object' && json !== null && typeof (json as Doc).version === 'string'
    ? { ok: true as const, value: json as Doc }
    : { ok: false as const, problem: 'version is missing' };

/** Starts a writer and SIGKILLs it once it reports `step`; resolves with what it printed. */
function killWriterAt(step: WriteStep | 'never'): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      // Node itself with tsx's loader (not the tsx wrapper): the SIGKILL must hit the writer.
      process.execPath,
      ['--import', 'tsx', CHILD, file, String(2_000_000), step],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`stopped:${step}`)) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) => done(`${out}exit:${signal ?? 'none'}\n`));
  });
}

describe('writeJsonAtomically', () => {
  it('writes the document readable by its owner only, and keeps the previous one as last good', () => {
    writeJsonAtomically(file, { version: 'one' });
    writeJsonAtomically(file, { version: 'two' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 'two' });
    expect(JSON.parse(readFileSync(lastGoodPath(file), 'utf8'))).toEqual({ version: 'one' });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never makes a damaged document the last good copy', () => {
    writeJsonAtomically(file, { version: 'good' });
    writeJsonAtomically(file, { version: 'also good' });
    writeFileSync(file, '{"version": "go');
    writeJsonAtomically(file, { version: 'next' }, { keepLastGood: false });
    expect(JSON.parse(readFileSync(lastGoodPath(file), 'utf8'))).toEqual({ version: 'good' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 'next' });
  });

  it.each(['temp-written', 'temp-synced', 'last-good-kept'] as const)(
    'a writer killed at %s leaves the old document whole',
    async (step) => {
      writeJsonAtomically(file, { version: 'old' });
      writeJsonAtomically(file, { version: 'old' });
      const out = await killWriterAt(step);
      expect(out).toContain(`stopped:${step}`);
      expect(out).not.toContain('done');
      expect(out).toContain('exit:SIGKILL');
      expect(readJsonSafely(file, check)).toEqual({ found: 'file', value: { version: 'old' } });
    },
  );

  it('a writer killed after the rename leaves the new document whole', async () => {
    writeJsonAtomically(file, { version: 'old' });
    const out = await killWriterAt('renamed');
    expect(out).toContain('stopped:renamed');
    const read = readJsonSafely(file, check);
    expect(read.found === 'file' && read.value.version).toBe('new');
    expect(JSON.parse(readFileSync(lastGoodPath(file), 'utf8'))).toEqual({ version: 'old' });
  });
});

describe('readJsonSafely', () => {
  it('keeps a damaged document aside and reads the last good copy', () => {
    writeJsonAtomically(file, { version: 'one' });
    writeJsonAtomically(file, { version: 'two' });
    writeFileSync(file, '{"version": "thr');
    const read = readJsonSafely(file, check);
    expect(read).toMatchObject({ found: 'last-good', value: { version: 'one' } });
    if (read.found !== 'last-good') return;
    expect(read.problem).toContain('not valid JSON');
    expect(readFileSync(read.keptAs!, 'utf8')).toBe('{"version": "thr');
    // The broken file stays where it was too: nothing is deleted.
    expect(readFileSync(file, 'utf8')).toBe('{"version": "thr');
  });

  it('names what the check refused, and says nothing was found when there is no good copy', () => {
    writeFileSync(file, '{"other": 1}');
    const read = readJsonSafely(file, check);
    expect(read).toMatchObject({ found: 'nothing', problem: 'version is missing' });
    expect(read.found === 'nothing' && read.keptAs && existsSync(read.keptAs)).toBe(true);
    expect(readJsonSafely(join(dir, 'absent.json'), check)).toEqual({
      found: 'nothing',
      problem: null,
      keptAs: null,
    });
  });
});
