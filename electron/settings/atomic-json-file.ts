// A JSON document on disk that is never half written and never lost. A write goes to a fresh
// temporary file, is flushed to the disk (fsync), and only then renamed over the document;
// before that the document as it was is copied to `<name>.last-good.json` the same way. A
// power cut or a killed process at any step leaves either the old or the new document, whole.
// A document that cannot be read or fails its check is kept aside as
// `<name>.corrupt-<time>.json` and the last good copy is read instead.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** The steps of a write, in order; a test can stop a process at each. */
export type WriteStep = 'temp-written' | 'temp-synced' | 'last-good-kept' | 'renamed';

export interface AtomicWriteOptions {
  mode?: number;
  /**
   * Whether the document now on disk is good (read and checked, or written by us): only then
   * does it become the last good copy. A damaged one never replaces a good copy.
   */
  keepLastGood?: boolean;
  /** Called after each step (tests kill the process here). */
  afterStep?: (step: WriteStep) => void;
}

export const lastGoodPath = (file: string): string =>
  file.replace(/\.json$/, '') + '.last-good.json';

/** Writes `text` to a fresh temporary file beside `file`, flushed, then renames it over. */
function replaceDurably(file: string, text: string, mode: number, after?: (s: WriteStep) => void) {
  // A fresh name, created exclusively ('wx'): a file or link planted at a fixed name is
  // never followed or overwritten.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    try {
      writeSync(fd, text);
      after?.('temp-written');
      fsyncSync(fd);
      after?.('temp-synced');
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    // A write that failed (disk full, a step stopped) leaves no half-written file behind.
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
}

/** `text` put in place of `file` the same durable way (no last good copy). */
export function writeTextAtomically(file: string, text: string, mode = 0o600): void {
  replaceDurably(file, text, mode);
}

/** The rename itself is durable only once the folder is flushed (not possible on Windows). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function writeJsonAtomically(
  file: string,
  value: unknown,
  options: AtomicWriteOptions = {},
): void {
  const mode = options.mode ?? 0o600;
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (options.keepLastGood !== false && existsSync(file)) {
    const copy = `${lastGoodPath(file)}.${randomBytes(6).toString('hex')}.tmp`;
    copyFileSync(file, copy);
    syncFile(copy);
    renameSync(copy, lastGoodPath(file));
    options.afterStep?.('last-good-kept');
  }
  replaceDurably(file, text, mode, options.afterStep);
  options.afterStep?.('renamed');
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type ReadJson<T> =
  | { found: 'file'; value: T }
  | { found: 'last-good'; value: T; problem: string; keptAs: string | null }
  | { found: 'nothing'; problem: string | null; keptAs: string | null };

/**
 * Reads the document, checked by `check` (which says what is wrong, or returns the value).
 * A damaged one is kept aside and the last good copy read instead; nothing is deleted.
 */
export function readJsonSafely<T>(
  file: string,
  check: (json: unknown) => { ok: true; value: T } | { ok: false; problem: string },
): ReadJson<T> {
  const first = readChecked(file, check);
  if (first === null) {
    const fallback = readChecked(lastGoodPath(file), check);
    if (fallback?.ok) {
      return {
        found: 'last-good',
        value: fallback.value,
        problem: 'the file is missing',
        keptAs: null,
      };
    }
    return { found: 'nothing', problem: null, keptAs: null };
  }
  if (first.ok) return { found: 'file', value: first.value };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const keptAs = file.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
  copyFileSync(file, keptAs);
  const fallback = readChecked(lastGoodPath(file), check);
  if (fallback?.ok) {
    return { found: 'last-good', value: fallback.value, problem: first.problem, keptAs };
  }
  return { found: 'nothing', problem: first.problem, keptAs };
}

function readChecked<T>(
  file: string,
  check: (json: unknown) => { ok: true; value: T } | { ok: false; problem: string },
): { ok: true; value: T } | { ok: false; problem: string } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Never the parser's message: it quotes the text, which may hold a secret reference.
    return { ok: false, problem: 'it is not valid JSON (cut short or damaged)' };
  }
  return check(json);
}
