// Plain dictionaries and one formatter: no i18n library, the wall has a few dozen strings.
import type { Locale } from '../contract';
import { en } from './en';
import type { Dictionary, MessageKey } from './message-keys';
import { vi } from './vi';

const DICTIONARIES: Record<Locale, Dictionary> = { vi, en };

export function dictionaryFor(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills {name} placeholders; an unknown placeholder stays visible so a bug shows in review. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(dictionaryFor(locale)[key], params);
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
