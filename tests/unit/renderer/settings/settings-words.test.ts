import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../../renderer/src/i18n/translate';
import { settingsEn } from '../../../../renderer/src/i18n/settings-en';
import { settingsVi, type SettingsKey } from '../../../../renderer/src/i18n/settings-vi';

const keys = Object.keys(settingsVi) as SettingsKey[];

describe("the settings screens' words", () => {
  it('have the same keys, none empty, in both languages', () => {
    expect(Object.keys(settingsEn).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(settingsVi[key].trim(), key).not.toBe('');
      expect(settingsEn[key].trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(placeholdersOf(settingsEn[key]), key).toEqual(placeholdersOf(settingsVi[key]));
    }
  });

  it('are Vietnamese in NFC, with the words of the tiles for the calm states', () => {
    for (const key of keys) expect(settingsVi[key], key).toBe(settingsVi[key].normalize('NFC'));
    expect(settingsVi['availability.not-installed']).toBe('Chưa lắp camera');
    expect(settingsVi['availability.disabled']).toBe('Tạm ngừng theo dõi');
  });
});
