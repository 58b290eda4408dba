// Reads IT's configuration file. A file that does not parse or fails the schema is refused
// with every problem named: the wall never runs half-configured (it runs on the last good
// configuration, or shows the problems until the file is fixed).
import { readFileSync } from 'node:fs';
import type { FieldError } from '../contract/settings-view';
import { findJsonSyntaxError } from './json-syntax-error';
import { revealSecrets, type SecretCodec } from './protected-secrets';
import type { WallSettings } from './settings-model';
import { parseSettings } from './validate-settings';

export class ConfigFileError extends Error {
  /** The same problems as field errors (path, code, both languages) for the status line. */
  readonly fieldProblems: FieldError[];

  constructor(
    readonly file: string,
    readonly problems: string[],
    fieldProblems?: FieldError[],
  ) {
    super(
      `The configuration file ${file} cannot be used:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nFix the file: a running wall takes it as soon as it is valid.',
    );
    this.name = 'ConfigFileError';
    this.fieldProblems =
      fieldProblems ??
      problems.map((en) => ({
        path: [],
        field: '',
        code: 'unreadable',
        message: { en, vi: `Không đọc được tệp cấu hình (${en}).` },
      }));
  }
}

/**
 * Reads and validates the file. With a codec, secrets protected for this PC (`safe:…`) are
 * decrypted; `revealed: false` leaves them as they are (for --protect-config).
 */
export function loadConfigFile(
  file: string,
  codec: SecretCodec | null = null,
  options: { revealed?: boolean } = {},
): WallSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ConfigFileError(file, [
      code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? error})`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Never V8's message: it quotes the text near the error, which may be a password.
    const where = findJsonSyntaxError(text.replace(/^\uFEFF/, ''));
    throw new ConfigFileError(file, [
      where
        ? `it is not valid JSON: line ${where.line}, column ${where.column}: ${where.problem}`
        : 'it is not valid JSON',
    ]);
  }
  const result = parseSettings(json);
  if (!result.ok) throw new ConfigFileError(file, result.errors, result.problems);
  if (options.revealed === false) return result.settings;
  const revealed = revealSecrets(result.settings, codec);
  if (!revealed.ok) throw new ConfigFileError(file, revealed.errors);
  return revealed.settings;
}
