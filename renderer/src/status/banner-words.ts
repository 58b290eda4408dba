// The banner's one line: how many centres have no picture, and which, by their short names in
// the configuration's order ("Không có hình (2): Cẩm Vũ, Tân Trường"). Past a handful the rest
// is a count ("… Cao An +3"), so the line stays one glance wide. Pure: unit-tested.
import type { Locale } from '../contract';
import { translate } from '../i18n/translate';

/** Names on the full banner; the small one (over a maximised tile) names fewer. */
export const BANNER_NAMES = 5;
export const COMPACT_BANNER_NAMES = 3;

export function bannerWords(
  names: readonly string[],
  locale: Locale,
  maxNames: number = BANNER_NAMES,
): string | null {
  if (names.length === 0) return null;
  // "+1" would take the room of the one name it hides: name it instead.
  const cap = names.length === maxNames + 1 ? names.length : Math.max(1, maxNames);
  const shown = names.slice(0, cap).join(', ');
  const rest = names.length - cap;
  const list = rest > 0 ? `${shown} ${translate(locale, 'banner.more', { count: rest })}` : shown;
  return translate(locale, 'banner.noPicture', { count: names.length, names: list });
}
