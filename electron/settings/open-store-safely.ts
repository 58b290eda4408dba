// Opens the settings store; if its file is corrupt (not JSON, or fails the schema), the file
// is kept aside as `<name>.corrupt-<time>.json` for IT to inspect, and the wall starts with
// defaults instead of refusing to start. Nothing is deleted.
import { existsSync, renameSync } from 'node:fs';

export interface OpenedStore<T> {
  store: T;
  /** Set when the old file was moved aside; say it in the log and the status view. */
  warning: string | null;
}

export function openStoreSafely<T>(create: () => T, filePath: string): OpenedStore<T> {
  try {
    return { store: create(), warning: null };
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
    renameSync(filePath, aside);
    const warning = `The settings file ${filePath} was damaged (${(error as Error).message}). It was kept as ${aside}; the wall started with default settings.`;
    return { store: create(), warning };
  }
}
