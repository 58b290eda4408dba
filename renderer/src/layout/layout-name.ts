// The name staff see for a layout: the one they gave it, else what the wall's own layouts are.
import { ALL_CENTRES_LAYOUT_ID, type Locale, type SavedLayout } from '../contract';
import { translate } from '../i18n/translate';

export function layoutName(layout: Pick<SavedLayout, 'id' | 'name'>, locale: Locale): string {
  if (layout.name !== '') return layout.name;
  return translate(locale, layout.id === ALL_CENTRES_LAYOUT_ID ? 'layout.all' : 'layout.unnamed');
}
