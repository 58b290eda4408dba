// The renderer's office-hours state: it shows the wall until main says otherwise, and drops
// every stream status when main goes dark (main holds no stream then).
import { describe, expect, it } from 'vitest';
import { officeHoursStatus } from './office-hours-fixture';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { showsCameras } from '../../../renderer/src/store/hours-slice';

const hours = officeHoursStatus;

describe('the hours slice', () => {
  it('shows the wall until main answers, then follows main', () => {
    const store = createAppStore();
    expect(showsCameras(store.getState())).toBe(true);
    store.getState().setOfficeHours(hours(false));
    expect(showsCameras(store.getState())).toBe(false);
    store.getState().setOfficeHours(hours(true));
    expect(showsCameras(store.getState())).toBe(true);
  });

  it('forgets every stream status when the wall goes dark, and none while it shows', () => {
    const store = createAppStore();
    const live = {
      cameraId: 'c1',
      quality: 'sub' as const,
      state: 'live' as const,
      since: 1,
      lastFrameAt: 1,
      retryAt: null,
    };
    store.getState().setStatus(live);
    store.getState().setOfficeHours(hours(true));
    expect(Object.keys(store.getState().statuses)).toHaveLength(1);
    store.getState().setOfficeHours(hours(false));
    expect(store.getState().statuses).toEqual({});
  });
});
