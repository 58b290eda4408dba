// Words of the settings screens in the wall's language, and the messages of main's errors that
// the screens know (the rest are shown as details, set apart from our own sentences).
import {
  SETTINGS_NOT_YET_ERROR,
  STAFF_LOCKED_ERROR,
  type FieldError,
  type LocalText,
  type Locale,
} from '../contract';
import { settingsEn } from './settings-en';
import { settingsVi, type SettingsKey } from './settings-vi';
import { formatMessage, type MessageParams } from './translate';

export type { SettingsKey } from './settings-vi';

export const SETTINGS_WORDS: Record<Locale, Readonly<Record<SettingsKey, string>>> = {
  vi: settingsVi,
  en: settingsEn,
};

export function settingsText(locale: Locale, key: SettingsKey, params?: MessageParams): string {
  return formatMessage(SETTINGS_WORDS[locale][key], params);
}

/** A sentence main wrote in every language, in this one. */
export function localText(text: LocalText, locale: Locale): string {
  return text[locale];
}

export function fieldErrorText(error: FieldError, locale: Locale): string {
  return localText(error.message, locale);
}

/** A verb's refusal as staff should read it. */
export function verbErrorText(error: string, locale: Locale): string {
  if (error === SETTINGS_NOT_YET_ERROR) return settingsText(locale, 'notYet');
  if (error === STAFF_LOCKED_ERROR) return settingsText(locale, 'locked');
  return settingsText(locale, 'failed', { error });
}
