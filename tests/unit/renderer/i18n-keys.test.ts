import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { MESSAGE_KEYS } from '../../../renderer/src/i18n/message-keys';
import { formatMessage, placeholdersOf, translate } from '../../../renderer/src/i18n/translate';
import { vi } from '../../../renderer/src/i18n/vi';

const dictionaries = { vi, en };

describe('dictionaries', () => {
  for (const [name, dictionary] of Object.entries(dictionaries)) {
    it(`${name} has every key, non-empty, and no stray keys`, () => {
      expect(Object.keys(dictionary).sort()).toEqual([...MESSAGE_KEYS].sort());
      for (const key of MESSAGE_KEYS) expect(dictionary[key].trim()).not.toBe('');
    });
  }

  it('use the same placeholders in both languages', () => {
    for (const key of MESSAGE_KEYS) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(vi[key]));
    }
  });

  it('are written in NFC, so a search and a screen reader see the same letters', () => {
    // (Cẩm Giàng and Cẩm Giang are kept apart in tests/unit/settings/demo-config.test.ts.)
    for (const key of MESSAGE_KEYS) expect(vi[key], key).toBe(vi[key].normalize('NFC'));
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'since.today', { time: '14:02', duration: '3 phút' })).toBe(
      'từ 14:02 (3 phút)',
    );
    expect(translate('en', 'retry.later', { duration: '5 min' })).toBe(
      'Reconnects by itself in 5 min',
    );
    expect(formatMessage('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
