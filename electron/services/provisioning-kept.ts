// The parts of the last signed bundle applied on this PC, kept in the data folder (secrets still
// encrypted for the fleet) and put back over IT's configuration file when the wall starts, or
// when IT fixes a file the wall had refused, so neither undoes the bundle. Also how a bundle's
// merged settings become IT's part of the settings book: secrets into the vault, the file's own
// provisioning field kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsNotice } from '../contract/settings-view';
import { writeFileAtomic } from '../provisioning/atomic-state';
import {
  MANAGEABLE_PARTS,
  type BundlePayload,
  type SettingsLike,
} from '../provisioning/bundle-format';
import { decryptConfigSecrets } from '../provisioning/fleet-secrets';
import { mergeBundle } from '../provisioning/merge-bundle';
import type { SecretCodec } from '../settings/protected-secrets';
import { fleetKeyBytes } from '../settings/provisioning-field';
import type { BookChange, SettingsBook } from '../settings/settings-book';
import type { WallSettingsFile } from '../settings/settings-model';
import type { SecretVault } from '../settings/vault/secret-vault';
import { mapSettingsSecrets, moveSecretsIntoVault } from '../settings/vault/vault-secrets';

export const APPLIED_FILE = 'provisioning-applied.json';

export interface ProvisioningPlace {
  book: SettingsBook;
  vault: SecretVault | null;
  pcCodec: SecretCodec | null;
  /** The wall's data folder (replay protection needs it); null: not provisioned. */
  dataDir: string | null;
  log: (line: string) => void;
}
/** IT's part of the book, camera secrets revealed, without the provisioning field itself. */
export function currentParts(book: SettingsBook): SettingsLike {
  const base = book.baseDoc;
  if (!base) throw new Error('this wall has no configuration file to provision');
  const revealed = mapSettingsSecrets(base, (value) => book.revealSecret(value));
  const { provisioning: _kept, ...parts } = revealed;
  return parts as SettingsLike;
}

/** The book's new IT part: the merged parts, IT's provisioning field, secrets into the vault. */
export function baseDocOf(next: SettingsLike, place: ProvisioningPlace): WallSettingsFile {
  const provisioning = place.book.baseDoc?.provisioning;
  const doc = { ...next, ...(provisioning ? { provisioning } : {}) } as WallSettingsFile;
  return place.vault ? moveSecretsIntoVault(doc, place.vault, place.pcCodec).settings : doc;
}

interface AppliedParts {
  version: 1;
  sequence: number;
  manages: BundlePayload['manages'];
  /** As signed: secrets encrypted for the fleet. */
  config: BundlePayload['config'];
}

function readApplied(file: string): AppliedParts | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const json = JSON.parse(text) as AppliedParts;
  const parts = MANAGEABLE_PARTS as readonly string[];
  if (
    json.version !== 1 ||
    !Number.isSafeInteger(json.sequence) ||
    !Array.isArray(json.manages) ||
    !json.manages.every((m) => parts.includes(m))
  ) {
    throw new Error('it is not a file this wall wrote');
  }
  return json;
}

export function restoreNotice(en: string, vi: string): SettingsNotice {
  return { id: 'provisioning', severity: 'warning', message: { en, vi } };
}

type Kept =
  | { ok: true; change: BookChange & { ok: true }; sequence: number }
  | { ok: false; why: string }
  | null;

/** The last applied bundle's parts, put back over IT's part of the book as it is now. */
function applyKept(place: ProvisioningPlace): Kept {
  const { book, dataDir } = place;
  const config = book.settings.provisioning;
  if (!config || !dataDir || !book.baseDoc) return null;
  const file = join(dataDir, APPLIED_FILE);
  let applied: AppliedParts | null;
  try {
    applied = readApplied(file);
  } catch (error) {
    return { ok: false, why: `${file}: ${(error as Error).message}` };
  }
  if (!applied) return null;
  const fleetKey = fleetKeyBytes(config.fleetKey);
  if (!fleetKey) return { ok: false, why: 'the fleet key is not on this PC' };
  const opened = decryptConfigSecrets(applied.config, fleetKey);
  if (!opened.ok) return { ok: false, why: "this PC's fleet key cannot open its secrets" };
  const next = mergeBundle(currentParts(book), { manages: applied.manages, config: opened.value });
  const change = book.replaceBase(baseDocOf(next, place), 'bundle');
  if (!change.ok) {
    const why = change.errors
      .slice(0, 3)
      .map((e) => `${e.field}: ${e.message.en}`)
      .join('; ');
    return { ok: false, why };
  }
  return { ok: true, change, sequence: applied.sequence };
}

function keptUnusable(place: ProvisioningPlace, why: string): SettingsNotice {
  place.log(
    `provisioning: the bundle applied earlier cannot be used (${why}); the wall runs on the configuration file`,
  );
  return restoreNotice(
    `The configuration bundle applied earlier on this PC cannot be used (${why}); the wall runs on its configuration file until IT sends a new bundle.`,
    'Gói cấu hình đã áp dụng trước đây không dùng được nữa; máy chạy theo tệp cấu hình cho tới khi bộ phận CNTT gửi gói mới.',
  );
}

/**
 * Before the wall starts: the parts of the last bundle applied on this PC go back over IT's
 * file, so a restart does not undo them. Answers a notice when they cannot.
 */
export function restoreProvisioned(place: ProvisioningPlace): SettingsNotice | null {
  const kept = applyKept(place);
  if (kept === null) return null;
  if (!kept.ok) return keptUnusable(place, kept.why);
  place.log(`provisioning: the wall starts on bundle ${kept.sequence}, applied earlier`);
  return null;
}

/**
 * IT fixed a configuration file the wall had refused at start: the book took the file, and the
 * last applied bundle's parts go back over it, so fixing the file does not undo the bundle.
 * Answers the change from before the file to after both.
 */
export function withKeptBundle(
  place: ProvisioningPlace,
  fileChange: BookChange & { ok: true },
): BookChange & { ok: true } {
  const kept = applyKept(place);
  if (kept === null || !kept.ok) {
    if (kept) keptUnusable(place, kept.why);
    return fileChange;
  }
  const changed = [...new Set([...fileChange.changed, ...kept.change.changed])];
  return { ok: true, settings: kept.change.settings, changed };
}
/** Keeps a bundle's managed parts as signed, for the next start. */
export function keepApplied(dataDir: string, bundle: BundlePayload): Promise<void> {
  const kept: AppliedParts = {
    version: 1,
    sequence: bundle.sequence,
    manages: bundle.manages,
    config: bundle.config,
  };
  return writeFileAtomic(join(dataDir, APPLIED_FILE), `${JSON.stringify(kept, null, 2)}\n`);
}
