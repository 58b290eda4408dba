// Every payload from the renderer is `unknown` until checked here; a bad one gets a clear
// error result, never a crash.
import { isLocale, LOCALES } from '../contract/locales';
import type { Locale, Result } from '../contract/wall-contract';

const LOCALE_CHOICES = LOCALES.map((l) => JSON.stringify(l)).join(' or ');

export function parseLocale(payload: unknown): Result<Locale> {
  return isLocale(payload)
    ? { ok: true, value: payload }
    : { ok: false, error: `The language must be ${LOCALE_CHOICES}.` };
}
