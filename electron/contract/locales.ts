// The wall's languages. One list for the request check, the settings store's schema and the
// renderer's language toggle, so a language added here reaches all three.

export const LOCALES = ['vi', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** The language a wall shows before it knows better: its staff read Vietnamese. */
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language the staff's toggle switches to: the next one in the list, round again. */
export function nextLocale(locale: Locale): Locale {
  return LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length] ?? DEFAULT_LOCALE;
}
