// Before the settings store held them, the centres and cameras staff added lived in their own
// file, settings-local.json (with its last good copy beside it). Once, at the first start of
// a version with the store: that file (or its last good copy, if it is damaged) goes into the
// store, validated like any write, and is renamed `settings-local.json.migrated`: kept for IT,
// never deleted. If the store refuses it, the file stays as it is and the next start tries again.
import { existsSync, renameSync } from 'node:fs';
import { lastGoodPath, readJsonSafely } from './atomic-json-file';
import type { LocalSettingsSlot } from './settings-store';

export const LEGACY_LOCAL_FILE = 'settings-local.json';
export const MIGRATED_SUFFIX = '.migrated';

export type LocalFileMigration =
  | { moved: false; reason: 'already-in-store' | 'no-file' }
  | { moved: true; fromLastGood: boolean; problem: string | null; keptAs: string | null }
  | { moved: false; reason: 'unreadable' | 'refused'; problem: string; keptAs: string | null };

export function migrateLocalFile(file: string, slot: LocalSettingsSlot): LocalFileMigration {
  if (slot.read() !== undefined) return { moved: false, reason: 'already-in-store' };
  if (!existsSync(file) && !existsSync(lastGoodPath(file))) {
    return { moved: false, reason: 'no-file' };
  }
  const read = readJsonSafely(file, checkLegacy);
  if (read.found === 'nothing') {
    // Damaged with no good copy: readJsonSafely kept a copy aside; the file is set aside too,
    // so that each start does not copy it again.
    retire(file);
    return {
      moved: false,
      reason: 'unreadable',
      problem: read.problem ?? 'it is missing',
      keptAs: read.keptAs,
    };
  }
  try {
    slot.write(read.value);
  } catch (error) {
    return {
      moved: false,
      reason: 'refused',
      problem: (error as Error).message,
      keptAs: null,
    };
  }
  retire(file);
  return read.found === 'file'
    ? { moved: true, fromLastGood: false, problem: null, keptAs: null }
    : { moved: true, fromLastGood: true, problem: read.problem, keptAs: read.keptAs };
}

function retire(file: string): void {
  if (existsSync(file)) renameSync(file, file + MIGRATED_SUFFIX);
}

/**
 * The old file's outline, as the old code read it; the store's schema (the same zod schema's
 * JSON Schema) checks the rest when it is written. It may lack its version (the earliest).
 */
function checkLegacy(json: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problem: 'it is not an object' };
  }
  const doc = json as Record<string, unknown>;
  const value = { ...doc, schemaVersion: Number(doc.schemaVersion) || 1 };
  if (!Array.isArray(doc.sites) || !Array.isArray(doc.cameras)) {
    return { ok: false, problem: 'it has no list of sites and cameras' };
  }
  return { ok: true, value };
}
