// Puts main's structured field errors next to the fields a form shows. Each error goes to the
// field it names, or to the nearest shown field above or below it in the path (an error on
// 'streams.sub.auth' sits by that stream's user name); what no shown field can hold is listed
// at the top of the form, so no message is ever lost.
import type { FieldError, Locale } from '../../contract';
import { fieldErrorText } from '../../i18n/settings-words';

export interface PlacedErrors {
  /** Form field key → its messages, in the wall's language. */
  byField: Readonly<Record<string, string[]>>;
  /** Messages for no shown field ("cameras.3: …" from an import, a whole-draft problem). */
  other: string[];
}

export const NO_ERRORS: PlacedErrors = { byField: {}, other: [] };

function fieldOf(error: FieldError): string {
  return error.field !== '' ? error.field : error.path.join('.');
}

/** The shown field that holds an error on `field`, or null. */
export function holderOf(field: string, shown: readonly string[]): string | null {
  if (shown.includes(field)) return field;
  const above = shown
    .filter((key) => field.startsWith(`${key}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (above !== undefined) return above;
  return shown.find((key) => key.startsWith(`${field}.`)) ?? null;
}

/**
 * `alias` renames a field first (in the brand form, main's 'streams.sub.url' is the address
 * typed in 'brand.address'); `prefix` names where the errors' paths start within the form.
 */
export function placeErrors(
  errors: readonly FieldError[],
  locale: Locale,
  shown: readonly string[],
  alias: (field: string) => string = (field) => field,
): PlacedErrors {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const error of errors) {
    const text = fieldErrorText(error, locale);
    const holder = holderOf(alias(fieldOf(error)), shown);
    // A refusal of the whole draft names no field: its message alone says it.
    if (holder === null) other.push(fieldOf(error) === '' ? text : `${fieldOf(error)}: ${text}`);
    else (byField[holder] ??= []).push(text);
  }
  return { byField, other };
}
