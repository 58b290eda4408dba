// Wires the API's pushed events and first reads into the store. Kept out of React so the data
// keeps flowing whatever the component tree does.
import type { WallApi } from '../contract';
import type { AppStore } from '../store/app-store';

const SNAPSHOT_RETRY_MS = 3_000;

export function connectApiToStore(api: WallApi, store: AppStore): () => void {
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const state = () => store.getState();
  const offStatus = api.onStatus((status) => state().setStatus(status));
  const offSnapshot = api.onSnapshot((snapshot) => state().setSnapshot(snapshot));
  const offStaff = api.onStaff((staff) => state().setStaff(staff));
  const offHours = api.onOfficeHours((hours) => state().setOfficeHours(hours));

  // Each answer is stored the moment it arrives, with no other await in between: answers and
  // pushed events come down one ordered channel, so an answer never overwrites a newer push
  // (holding the snapshot across another request once let an old one undo a pushed change).
  const load = async (): Promise<void> => {
    // Office hours before the wall renders: outside hours it must not start a single player.
    const hours = await api.getOfficeHours();
    if (stopped) return;
    if (hours.ok) state().setOfficeHours(hours.value);
    const snapshot = await api.getSnapshot();
    if (stopped) return;
    if (!snapshot.ok) {
      state().setLoadError(snapshot.error);
      retry = setTimeout(() => void load(), SNAPSHOT_RETRY_MS);
      return;
    }
    state().setSnapshot(snapshot.value);
    const statuses = await api.getStatuses();
    if (!stopped && statuses.ok) state().setStatuses(statuses.value);
    const staff = await api.staffStatus({ active: false });
    if (!stopped && staff.ok) state().setStaff(staff.value);
  };
  void load();

  return () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    offStatus();
    offSnapshot();
    offStaff();
    offHours();
  };
}
