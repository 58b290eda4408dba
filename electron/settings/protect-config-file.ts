// `--protect-config FILE`: encrypts the file's secrets for this PC, in place. The file is
// validated first, written to a temporary file and renamed over the original (never half
// written), and left readable by its owner only.
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadConfigFile } from './load-config-file';
import { protectSecrets, type SecretCodec } from './protected-secrets';
import { settingsFile } from './settings-model';

export function protectConfigFile(file: string, codec: SecretCodec): string {
  const settings = loadConfigFile(file, codec, { revealed: false });
  // What is written back is the file's own format: derived fields (the URL kind) stay out.
  const { settings: protectedSettings, protectedCount } = protectSecrets(
    settingsFile(settings),
    codec,
  );
  // A fresh name, created exclusively ('wx'): a file or link planted at a fixed name by
  // someone else is never followed or overwritten.
  const temporary = `${file}.${randomBytes(8).toString('hex')}.protecting`;
  writeFileSync(temporary, `${JSON.stringify(protectedSettings, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    renameSync(temporary, file);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  const weak = codec.weak
    ? ' Warning: this PC has no key store (Linux basic_text), so the secrets are only obscured, not protected; restrict who can read the file.'
    : '';
  return `${file}: ${protectedCount} secret(s) protected for this PC and this user.${weak}`;
}
