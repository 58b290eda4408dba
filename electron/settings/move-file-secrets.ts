// IT's file without its plain-text secrets. No copy of the file as it was is kept on disk: it
// would be one more file holding every password in clear. Instead the move is checked before
// the old text is let go: the secrets are put into the vault and read back from it, the file
// is rewritten atomically (a temporary file, flushed, renamed over), then read back and
// compared with what was meant. Anything wrong puts the original text back and says so.
import { readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { MovedSecrets } from '../contract/settings-view';
import { writeJsonAtomically, writeTextAtomically, type WriteStep } from './atomic-json-file';
import { loadConfigFile } from './load-config-file';
import { revealSecrets, type SecretCodec } from './protected-secrets';
import { settingsFile, type WallSettingsFile } from './settings-model';
import type { SecretVault } from './vault/secret-vault';
import {
  countSecretsOutsideVault,
  moveSecretsIntoVault,
  revealVaultRefs,
} from './vault/vault-secrets';

export class VaultMoveError extends Error {
  constructor(detail: string) {
    super(`The secrets were not moved; the configuration file is unchanged (${detail}).`);
    this.name = 'VaultMoveError';
  }
}

/** The settings with every secret in clear, wherever it is kept (file, `safe:`, vault). */
function plainSecrets(
  settings: WallSettingsFile,
  vault: SecretVault,
  pcCodec: SecretCodec | null,
): WallSettingsFile | null {
  const unprotected = revealSecrets(settings, pcCodec);
  if (!unprotected.ok) return null;
  const revealed = revealVaultRefs(unprotected.settings, vault);
  return revealed.ok ? revealed.settings : null;
}

export interface MoveOptions {
  /** Called after each step of the rewrite (tests fail it or damage the file here). */
  afterStep?: (step: WriteStep) => void;
}

export function moveFileSecretsToVault(
  file: string,
  vault: SecretVault,
  pcCodec: SecretCodec | null,
  options: MoveOptions = {},
): Omit<MovedSecrets, 'settings'> & { doc: WallSettingsFile } {
  // The file as it was stays in memory only, to be put back if the rewrite goes wrong.
  const original = readFileSync(file, 'utf8');
  const mode = statSync(file).mode & 0o777;
  const current = settingsFile(loadConfigFile(file, pcCodec, { revealed: false }));
  const wanted = plainSecrets(current, vault, pcCodec);
  const { settings, moved } = moveSecretsIntoVault(current, vault, pcCodec);
  // The vault must give back every secret before the file lets go of it.
  if (wanted === null) throw new VaultMoveError('some secrets cannot be read on this PC');
  if (!isDeepStrictEqual(plainSecrets(settings, vault, pcCodec), wanted)) {
    throw new VaultMoveError('the vault did not give the secrets back');
  }
  // No last good copy: it would be one more file holding the plain-text secrets. A failed
  // write leaves the file as it was (the rename never happened).
  try {
    writeJsonAtomically(file, settings, { keepLastGood: false, afterStep: options.afterStep });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new VaultMoveError(`the file could not be written: ${code ?? String(error)}`);
  }
  const problem = readBackProblem(file, settings, pcCodec);
  if (problem !== null) {
    writeTextAtomically(file, original, mode);
    throw new VaultMoveError(problem);
  }
  return { moved, doc: settings };
}

/** What is wrong with the rewritten file, read as the wall will read it; null if nothing. */
function readBackProblem(
  file: string,
  wanted: WallSettingsFile,
  pcCodec: SecretCodec | null,
): string | null {
  let written: WallSettingsFile;
  try {
    written = settingsFile(loadConfigFile(file, pcCodec, { revealed: false }));
  } catch {
    return 'the rewritten file could not be read back';
  }
  if (!isDeepStrictEqual(written, wanted)) return 'the rewritten file reads differently';
  if (countSecretsOutsideVault(written) > 0) return 'the rewritten file still holds secrets';
  return null;
}
