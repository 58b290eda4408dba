import { describe, expect, it } from 'vitest';
import type { SettingsLike } from '../../../electron/provisioning/bundle-format';
import { mergeBundle } from '../../../electron/provisioning/merge-bundle';
import { wall } from './bundle-fixtures';

describe('mergeBundle', () => {
  it('replaces only the managed parts and keeps staff parts, without touching the input', () => {
    const current: SettingsLike = {
      ...wall(),
      schedule: { timeZone: 'Asia/Ho_Chi_Minh' },
      extra: 1,
    };
    const before = structuredClone(current);
    const sites = [{ id: 'lai-cach', name: 'Thị trấn Lai Cách' }];
    const next = mergeBundle(current, { manages: ['sites'], config: { sites } });
    expect(next.sites).toEqual(sites);
    expect(next.cameras).toEqual(current.cameras);
    expect(next.layout).toEqual(current.layout);
    expect(next.schedule).toEqual(current.schedule);
    expect(next.extra).toBe(1);
    expect(next.locale).toBe('vi');
    expect(current).toEqual(before);
  });

  it('maps the layouts part to the settings layout', () => {
    const layout = { preset: '1x1', cameraIds: ['doai-1'] };
    const next = mergeBundle(wall(), { manages: ['layouts'], config: { layout } });
    expect(next.layout).toEqual(layout);
  });

  it('empties staff layout cells whose camera the bundle removed', () => {
    const cameras = (wall().cameras as object[]).slice(1);
    const next = mergeBundle(wall(), { manages: ['cameras'], config: { cameras } });
    expect(next.layout).toEqual({ preset: '2x2', cameraIds: [null, 'doai-1', null, null] });
  });
});
