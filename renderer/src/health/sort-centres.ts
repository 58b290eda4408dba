// The status view's three orders: by the centre's name (Vietnamese collation, so "Cẩm Đoài"
// sorts after "Cẩm Điền" as people expect), by availability (worst first, nothing counted last),
// and by the current outage (longest first, centres with a picture after).
import type { SiteHealthView } from '../contract';
import type { Locale } from '../contract';
import { healthStateWords } from './health-words';

export type CentreSort = 'name' | 'availability' | 'outage';

/** When the oldest red state of the centre's cameras began, or null if none is red. */
export function outageStart(site: SiteHealthView): number | null {
  if (site.downSince !== null) return site.downSince;
  let first: number | null = null;
  for (const camera of site.cameras) {
    if (camera.since === null || healthStateWords(camera.state, 'vi').tone !== 'alarm') continue;
    first = first === null ? camera.since : Math.min(first, camera.since);
  }
  return first;
}

export function sortCentres(
  sites: readonly SiteHealthView[],
  nameOf: (siteId: string) => string,
  sort: CentreSort,
  locale: Locale,
): SiteHealthView[] {
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en');
  const byName = (a: SiteHealthView, b: SiteHealthView) =>
    collator.compare(nameOf(a.siteId), nameOf(b.siteId));
  const rank = (value: number | null) => (value === null ? Infinity : value);
  const compare: Record<CentreSort, (a: SiteHealthView, b: SiteHealthView) => number> = {
    name: byName,
    availability: (a, b) =>
      rank(a.availability.today) - rank(b.availability.today) ||
      rank(a.availability.month) - rank(b.availability.month) ||
      byName(a, b),
    outage: (a, b) => rank(outageStart(a)) - rank(outageStart(b)) || byName(a, b),
  };
  return [...sites].sort(compare[sort]);
}
