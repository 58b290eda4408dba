import { describe, expect, it } from 'vitest';
import type { CameraHealthView, SiteHealthView } from '../../../electron/contract/health-view';
import { outageStart, sortCentres } from '../../../renderer/src/health/sort-centres';

function camera(state: string | null, since: number | null): CameraHealthView {
  const none = { today: null, week: null, month: null };
  return {
    cameraId: `c-${state}`,
    state,
    since,
    reason: null,
    availability: none,
    lastOutage: null,
  };
}

function site(
  id: string,
  today: number | null,
  cameras: CameraHealthView[],
  downSince: number | null = null,
): SiteHealthView {
  return {
    siteId: id,
    cameras,
    availability: { today, week: today, month: today },
    down: downSince !== null,
    downSince,
    days: [],
  };
}

const NAMES: Record<string, string> = {
  dien: 'Xã Cẩm Điền',
  doai: 'Xã Cẩm Đoài',
  an: 'Xã Cao An',
  lc: 'Thị trấn Lai Cách',
};
const name = (id: string) => NAMES[id]!;

const sites = [
  site('lc', 1, [camera('live', 100)]),
  site('doai', 0.5, [camera('unreachable', 300), camera('live', 50)]),
  site('an', null, [camera(null, null)]),
  site('dien', 0.9, [camera('no-media', 200)], 200),
];

describe('sortCentres', () => {
  it('by name, in Vietnamese order', () => {
    expect(sortCentres(sites, name, 'name', 'vi').map((s) => s.siteId)).toEqual([
      'lc',
      'an',
      'dien',
      'doai',
    ]);
  });

  it('by availability today, worst first, nothing counted last', () => {
    expect(sortCentres(sites, name, 'availability', 'vi').map((s) => s.siteId)).toEqual([
      'doai',
      'dien',
      'lc',
      'an',
    ]);
  });

  it('by the current outage, longest first, then the rest by name', () => {
    expect(outageStart(sites[1]!)).toBe(300);
    expect(outageStart(sites[0]!)).toBeNull();
    expect(sortCentres(sites, name, 'outage', 'vi').map((s) => s.siteId)).toEqual([
      'dien',
      'doai',
      'lc',
      'an',
    ]);
  });
});
