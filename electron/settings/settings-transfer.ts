// Moving a whole configuration between PCs (export, import). An export holds every secret as a `vault:`
// reference; with a passphrase it also holds them sealed (scrypt + AES-GCM), so the PC that
// imports it can put them into its own vault. Without one, the secrets must be entered again.
// (IT's file's own secrets move into the vault in move-file-secrets.ts.)
import type { FieldError, SettingsExport } from '../contract/settings-view';
import { exportSecretsSchema, importSchema } from './draft-schema';
import { findJsonSyntaxError } from './json-syntax-error';
import { issuesToFieldErrors } from './schema-issues';
import type { BookChange, SettingsBook } from './settings-book';
import type { WallSettingsFile } from './settings-model';
import { isVaultRef, VAULT_PREFIX } from './vault/secret-vault';
import { isSealedBox, open, seal } from './vault/passphrase-box';
import { mapSettingsSecrets } from './vault/vault-secrets';

const FORMAT = 'one-stop-wall-settings';

type Exported = Omit<SettingsExport, 'fileName'>;

export function exportSettings(
  book: SettingsBook,
  reveal: (value: string) => string,
  payload: unknown,
  now = new Date(),
): { ok: true; value: SettingsExport } | { ok: false; errors: FieldError[] } {
  const parsed = exportSecretsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
  const secrets: Record<string, string> = {};
  const settings = mapSettingsSecrets(book.document(), (value, ref) => {
    if (value === '') return value;
    const plain = reveal(value);
    if (plain !== '') secrets[ref] = plain;
    return VAULT_PREFIX + ref;
  });
  const choice = parsed.data;
  const withSecrets = choice.mode === 'passphrase';
  const document = {
    format: FORMAT,
    exportedAt: now.toISOString(),
    settings,
    ...(choice.mode === 'passphrase'
      ? { secrets: seal(JSON.stringify(secrets), choice.passphrase) }
      : {}),
  };
  const exported: Exported = {
    json: `${JSON.stringify(document, null, 2)}\n`,
    secretCount: withSecrets ? Object.keys(secrets).length : 0,
  };
  const day = now.toISOString().slice(0, 10);
  return { ok: true, value: { fileName: `one-stop-wall-${day}.json`, ...exported } };
}

function refusal(field: string, code: string, en: string, vi: string): BookChange {
  return { ok: false, errors: [{ path: [field], field, code, message: { en, vi } }] };
}

/** The imported configuration becomes this PC's own part (beside IT's file, if any). */
export function importSettings(book: SettingsBook, payload: unknown): BookChange {
  const parsed = importSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.json.replace(/^\uFEFF/, ''));
  } catch {
    const where = findJsonSyntaxError(parsed.data.json);
    const at = where ? ` (line ${where.line}, column ${where.column})` : '';
    return refusal(
      'json',
      'invalid-json',
      `it is not valid JSON${at}`,
      `Tệp không phải JSON hợp lệ${at}.`,
    );
  }
  const doc = json as { format?: unknown; settings?: WallSettingsFile; secrets?: unknown };
  if (doc?.format !== FORMAT || typeof doc.settings !== 'object' || doc.settings === null) {
    return refusal(
      'json',
      'not-an-export',
      'this is not a configuration exported by One-Stop Wall',
      'Đây không phải tệp cấu hình xuất từ One-Stop Wall.',
    );
  }
  let secrets: Record<string, string> = {};
  if (doc.secrets !== undefined) {
    const passphrase = parsed.data.passphrase ?? '';
    const opened = isSealedBox(doc.secrets) ? open(doc.secrets, passphrase) : null;
    if (opened === null) {
      return refusal(
        'passphrase',
        passphrase === '' ? 'passphrase-needed' : 'wrong-passphrase',
        passphrase === ''
          ? 'this export holds secrets: enter its passphrase'
          : 'the passphrase is wrong',
        passphrase === ''
          ? 'Tệp có mật khẩu camera: hãy nhập cụm mật khẩu.'
          : 'Cụm mật khẩu không đúng.',
      );
    }
    secrets = JSON.parse(opened) as Record<string, string>;
  }
  // The secrets as plain values: the book puts them into the vault once the schema passed.
  const settings = mapSettingsSecrets(doc.settings, (value) =>
    isVaultRef(value) && secrets[value.slice(VAULT_PREFIX.length)] !== undefined
      ? secrets[value.slice(VAULT_PREFIX.length)]!
      : value,
  );
  return book.commit({
    schemaVersion: doc.settings.schemaVersion,
    sites: Array.isArray(settings.sites) ? settings.sites : [],
    cameras: Array.isArray(settings.cameras) ? settings.cameras : [],
    ...(settings.locale ? { locale: settings.locale } : {}),
    ...(settings.layout ? { layout: settings.layout } : {}),
  });
}
