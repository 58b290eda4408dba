// What the status line says about the settings, in both languages: a configuration file the
// wall refused (it runs on the last good one), a damaged settings store or settings-local.json,
// staff's settings that no longer fit the file, how the vault protects
// secrets here, plain-text secrets still in the file, and secrets the vault lacks.
import type { SettingsNotice, SettingsView } from '../contract/settings-view';
import type { LocalFileMigration } from '../settings/migrate-local-file';
import type { StoreDamage } from '../settings/open-store-safely';
import type { SettingsBook } from '../settings/settings-book';

export function settingsNotices(input: {
  start: SettingsNotice[];
  book: SettingsBook;
  protection: SettingsView['vault'];
}): SettingsNotice[] {
  const notices = [...input.start];
  for (const warning of input.book.warnings) {
    notices.push({
      id: 'local-not-shown',
      severity: 'warning',
      message: {
        en: `Settings: ${warning}.`,
        vi: 'Thiết lập thêm trên máy này không khớp với tệp cấu hình nên chưa được hiển thị; chúng vẫn được giữ lại.',
      },
    });
  }
  const { protection, plainTextSecretsInFile } = input.protection;
  if (protection === 'obscured' || protection === 'none') {
    notices.push({
      id: 'secrets-obscured',
      severity: 'warning',
      message:
        protection === 'obscured'
          ? {
              en: 'This PC has no key store (Linux basic_text): camera passwords are only obscured, not encrypted.',
              vi: 'Máy này không có kho khoá (Linux basic_text): mật khẩu camera chỉ được che, không được mã hoá.',
            }
          : {
              en: 'This PC offers no encryption: camera passwords stay where they are written.',
              vi: 'Máy này không mã hoá được: mật khẩu camera vẫn nằm nguyên chỗ đã ghi.',
            },
    });
  } else if (protection === 'key-file') {
    notices.push({
      id: 'secrets-key-file',
      severity: 'info',
      message: {
        en: 'Camera passwords are encrypted with a key in a file only this user can read (preview host).',
        vi: 'Mật khẩu camera được mã hoá bằng khoá trong một tệp chỉ người dùng này đọc được (bản xem trước).',
      },
    });
  }
  if (plainTextSecretsInFile > 0) {
    notices.push({
      id: 'plain-text-secrets',
      severity: 'warning',
      message: {
        en: `The configuration file holds ${passwords(plainTextSecretsInFile)} in plain text. Staff can move ${plainTextSecretsInFile === 1 ? 'it' : 'them'} into the vault in Settings.`,
        vi: `Tệp cấu hình có ${plainTextSecretsInFile} mật khẩu ghi rõ. Nhân viên có thể chuyển vào kho bảo mật trong Cài đặt.`,
      },
    });
  }
  const missing = input.book.missingSecrets().length;
  if (missing > 0) {
    notices.push({
      id: 'secrets-missing',
      severity: 'warning',
      message: {
        en: `${missing === 1 ? '1 camera password is' : `${missing} camera passwords are`} not on this PC (imported without ${missing === 1 ? 'it' : 'them'}): enter ${missing === 1 ? 'it' : 'them'} again in Settings.`,
        vi: `${missing} mật khẩu camera chưa có trên máy này (nhập cấu hình không kèm mật khẩu): hãy nhập lại trong Cài đặt.`,
      },
    });
  }
  return notices;
}

/** The settings store would not open: the wall started on its last good copy, or defaults. */
export function storeDamageNotice(damage: StoreDamage): SettingsNotice {
  const lastGood = damage.startedOn === 'last-good';
  return {
    id: 'store-damaged',
    severity: 'warning',
    message: {
      en: lastGood
        ? `The settings store on this PC was damaged (${damage.problem}); the wall started on its last good copy. The damaged file is kept as ${damage.keptAs}.`
        : `The settings store on this PC was damaged (${damage.problem}) and there was no good copy: the wall started with default settings. The damaged file is kept as ${damage.keptAs}.`,
      vi: lastGood
        ? `Tệp thiết lập trên máy này bị hỏng; màn hình giám sát đang dùng bản tốt gần nhất. Tệp hỏng được giữ lại bên cạnh: ${damage.keptAs}.`
        : `Tệp thiết lập trên máy này bị hỏng và không có bản tốt nào; màn hình giám sát đang dùng thiết lập mặc định. Tệp hỏng được giữ lại bên cạnh: ${damage.keptAs}.`,
    },
  };
}

/** What moving settings-local.json into the store found worth saying (nothing when it went well). */
export function localMigrationNotice(
  file: string,
  migration: LocalFileMigration,
): SettingsNotice | null {
  if (!('keptAs' in migration)) return null; // nothing to move
  if (migration.moved && !migration.fromLastGood) return null;
  const kept = migration.keptAs ? ` The damaged file is kept as ${migration.keptAs}.` : '';
  const keptVi = migration.keptAs ? ` Tệp hỏng được giữ lại: ${migration.keptAs}.` : '';
  if (migration.moved) {
    return {
      id: 'local-settings-migration',
      severity: 'warning',
      message: {
        en: `The settings made on this PC (${file}) were damaged (${migration.problem}); their last good copy was moved into the settings store.${kept}`,
        vi: `Thiết lập thêm trên máy này (${file}) bị hỏng; bản tốt gần nhất đã được chuyển vào kho thiết lập.${keptVi}`,
      },
    };
  }
  const refused = migration.reason === 'refused';
  return {
    id: 'local-settings-migration',
    severity: 'warning',
    message: {
      en: refused
        ? `The settings made on this PC (${file}) could not be moved into the settings store (${migration.problem}); the file is kept as it is and they are not shown.`
        : `The settings made on this PC (${file}) were damaged (${migration.problem}) and have no good copy; they are not shown.${kept}`,
      vi: refused
        ? `Không chuyển được thiết lập thêm trên máy này (${file}) vào kho thiết lập; tệp được giữ nguyên và các thiết lập đó chưa được hiển thị.`
        : `Thiết lập thêm trên máy này (${file}) bị hỏng và không có bản tốt nào; chúng chưa được hiển thị.${keptVi}`,
    },
  };
}

/** "1 password", "3 passwords": English plurals said right. */
function passwords(count: number): string {
  return count === 1 ? '1 password' : `${count} passwords`;
}
