// The status line's notices say their counts as English says them (no "password(s)").
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../electron/contract/settings-view';
import { settingsNotices } from '../../../electron/services/settings-notices';
import type { SettingsBook } from '../../../electron/settings/settings-book';

const book = (missing: number) =>
  ({
    warnings: [],
    missingSecrets: () => Array.from({ length: missing }, (_, i) => `r${i}`),
  }) as unknown as SettingsBook;
const vault = (plain: number) =>
  ({ protection: 'os', plainTextSecretsInFile: plain }) as unknown as SettingsView['vault'];
const english = (plain: number, missing: number) =>
  settingsNotices({ start: [], book: book(missing), protection: vault(plain) }).map(
    (n) => n.message.en,
  );

describe('settings notices', () => {
  it('counts one password, and several, in correct English', () => {
    expect(english(1, 1)).toEqual([
      'The configuration file holds 1 password in plain text. Staff can move it into the vault in Settings.',
      '1 camera password is not on this PC (imported without it): enter it again in Settings.',
    ]);
    expect(english(3, 2)).toEqual([
      'The configuration file holds 3 passwords in plain text. Staff can move them into the vault in Settings.',
      '2 camera passwords are not on this PC (imported without them): enter them again in Settings.',
    ]);
  });
});
