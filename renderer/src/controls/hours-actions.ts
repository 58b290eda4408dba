// Staff key O: show the cameras outside working hours for 30 minutes (main decides and ends it),
// or end that look early. Behind the PIN like every staff action; in working hours it does
// nothing, since the wall already shows.
import type { WallApi } from '../contract';
import type { AppStore } from '../store/app-store';
import { withStaff } from './staff-gate';

export const OUTSIDE_HOURS_KEY = 'o';

export async function toggleOutsideHoursLook(api: WallApi, store: AppStore): Promise<void> {
  const hours = store.getState().officeHours;
  if (hours === null || hours.inHours) return;
  const show = hours.overrideUntil === null;
  await withStaff(api, store, async () => {
    const result = await api.showOutsideHours({ show });
    if (result.ok) store.getState().setOfficeHours(result.value);
  });
}
