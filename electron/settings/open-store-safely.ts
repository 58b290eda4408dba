// Opens the settings store so that a damaged file never loses what the wall remembered. The
// store (electron-store / conf) writes its file atomically and validates every write against
// the schema; after each write that succeeded, the file is copied (atomically too) to
// `<name>.last-good.json`. If the file cannot be opened (not JSON, or it fails the schema),
// it is kept beside as `<name>.corrupt-<time>.json` for IT, the wall starts on the last good
// copy (or, when there is none that opens, on defaults), and says so on the status line.
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lastGoodPath, writeJsonAtomically, type WriteStep } from './atomic-json-file';
import type { KeyValueStore } from './settings-store';

export interface StoreDamage {
  /** Why the store would not open (the store's own words, e.g. the schema's complaint). */
  problem: string;
  /** Where the damaged file now is. */
  keptAs: string;
  /** What the wall started on instead. */
  startedOn: 'last-good' | 'defaults';
}

export interface OpenedStore {
  store: KeyValueStore;
  /** Set when the file was damaged: said in the log and on the status line. */
  damage: StoreDamage | null;
  warning: string | null;
}

export interface OpenStoreOptions {
  /** Called at each step of the last good copy's write (tests stop a process there). */
  afterStep?: (step: WriteStep) => void;
}

export function openStoreSafely(
  create: () => KeyValueStore,
  filePath: string,
  options: OpenStoreOptions = {},
): OpenedStore {
  removeStaleCopies(filePath);
  const kept = (store: KeyValueStore, damage: StoreDamage | null): OpenedStore => {
    // What opened is good: it becomes the last good copy (a store from before this copy existed).
    keepLastGood(filePath, options.afterStep);
    return { store: keepingLastGood(store, filePath, options), damage, warning: warn(damage) };
  };
  try {
    return kept(create(), null);
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const keptAs = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
    renameSync(filePath, keptAs);
    const problem = (error as Error).message;
    const lastGood = lastGoodPath(filePath);
    if (existsSync(lastGood)) {
      copyFileSync(lastGood, filePath);
      try {
        return kept(create(), { problem, keptAs, startedOn: 'last-good' });
      } catch {
        // The copy fails too (a newer schema?): it stays as the last good file; start afresh.
        unlinkSync(filePath);
      }
    }
    return kept(create(), { problem, keptAs, startedOn: 'defaults' });
  }
}

function warn(damage: StoreDamage | null): string | null {
  if (!damage) return null;
  const on =
    damage.startedOn === 'last-good'
      ? 'the wall started on the last good copy'
      : 'there was no good copy, so the wall started with default settings';
  return `the settings store was damaged (${damage.problem}); it was kept as ${damage.keptAs} and ${on}`;
}

/** A store whose every successful write refreshes the last good copy. */
function keepingLastGood(
  store: KeyValueStore,
  filePath: string,
  options: OpenStoreOptions,
): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      // The store validates before it writes: a refused value throws here, nothing is copied.
      store.set(key, value);
      keepLastGood(filePath, options.afterStep);
    },
  };
}

function keepLastGood(filePath: string, afterStep?: (step: WriteStep) => void): void {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch {
    return; // Nothing written yet (a fresh store keeps its file only from the first write).
  }
  writeJsonAtomically(lastGoodPath(filePath), json, {
    keepLastGood: false,
    ...(afterStep ? { afterStep } : {}),
  });
}

/** A copy cut short by a power cut or a killed process leaves its temporary file: ours alone. */
function removeStaleCopies(filePath: string): void {
  const prefix = `${basename(lastGoodPath(filePath))}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(filePath));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) {
      try {
        unlinkSync(join(dirname(filePath), name));
      } catch {
        // Another process's, or already gone: it harms nothing.
      }
    }
  }
}
