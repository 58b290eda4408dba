// Wires the API's pushed events and first reads into the store. Kept out of React so the data
// keeps flowing whatever the component tree does.
import type { WallApi } from '../contract';
import type { AppStore } from '../store/app-store';

const SNAPSHOT_RETRY_MS = 3_000;

export function connectApiToStore(api: WallApi, store: AppStore): () => void {
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  // Counts the snapshots main pushed, so a read's older answer never undoes a newer push.
  let snapshotPushes = 0;
  const state = () => store.getState();
  const offStatus = api.onStatus((status) => state().setStatus(status));
  const offSnapshot = api.onSnapshot((snapshot) => {
    snapshotPushes += 1;
    state().setSnapshot(snapshot);
  });
  const offStaff = api.onStaff((staff) => state().setStaff(staff));
  const offHours = api.onOfficeHours((hours) => state().setOfficeHours(hours));

  // The four first reads go out together (one round trip, not four: the first players wait for
  // the snapshot). Answers and pushed events come down one ordered channel, so each answer is
  // stored the moment it arrives, with one exception: office hours are stored before the
  // snapshot (outside hours the wall must not start a single player), so a snapshot that
  // arrives first waits for them, and is dropped if main pushed a newer one meanwhile.
  const load = async (): Promise<void> => {
    const hours = api.getOfficeHours();
    const snapshot = api.getSnapshot().then((result) => ({ result, pushes: snapshotPushes }));
    void api.getStatuses().then((statuses) => {
      if (!stopped && statuses.ok) state().setStatuses(statuses.value);
    });
    void api.staffStatus({ active: false }).then((staff) => {
      if (!stopped && staff.ok) state().setStaff(staff.value);
    });
    const hoursResult = await hours;
    if (stopped) return;
    if (hoursResult.ok) state().setOfficeHours(hoursResult.value);
    const answer = await snapshot;
    if (stopped) return;
    if (!answer.result.ok) {
      state().setLoadError(answer.result.error);
      retry = setTimeout(() => void load(), SNAPSHOT_RETRY_MS);
      return;
    }
    if (answer.pushes === snapshotPushes) state().setSnapshot(answer.result.value);
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
