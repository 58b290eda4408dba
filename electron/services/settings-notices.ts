// What the status line says about the settings, in both languages: a configuration file the
// wall refused (it runs on the last good one), a damaged settings file, how the vault protects
// secrets here, plain-text secrets still in the file, and secrets the vault lacks.
import type { SettingsNotice, SettingsView } from '../contract/settings-view';
import type { SettingsBook } from '../settings/settings-book';

export function settingsNotices(input: {
  start: SettingsNotice[];
  book: SettingsBook;
  protection: SettingsView['vault'];
}): SettingsNotice[] {
  const notices = [...input.start];
  for (const warning of input.book.warnings) {
    notices.push({
      id: 'store-damaged',
      severity: 'warning',
      message: {
        en: `Settings: ${warning}.`,
        vi: 'Tệp thiết lập trên máy này bị hỏng; tường đang dùng bản tốt gần nhất, tệp hỏng được giữ lại bên cạnh.',
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

/** "1 password", "3 passwords": English plurals said right. */
function passwords(count: number): string {
  return count === 1 ? '1 password' : `${count} passwords`;
}
