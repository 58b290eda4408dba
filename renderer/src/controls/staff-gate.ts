// Staff actions go through here: when main says the wall is unlocked the action runs at once;
// otherwise the PIN dialog opens (set a PIN on first use, else unlock) and the action runs
// after a right PIN. Main enforces the lock itself; this only saves staff a refused request.
import { isUnlocked, type WallApi } from '../contract';
import type { AppStore } from '../store/app-store';

type Pending = () => Promise<void> | void;
let pending: Pending | null = null;

export async function refreshStaff(api: WallApi, store: AppStore, active = false): Promise<void> {
  const status = await api.staffStatus({ active });
  if (status.ok) store.getState().setStaff(status.value);
}

export async function withStaff(api: WallApi, store: AppStore, action: Pending): Promise<void> {
  const status = await api.staffStatus({ active: true });
  if (status.ok) store.getState().setStaff(status.value);
  if (status.ok && isUnlocked(status.value, Date.now())) {
    await action();
    return;
  }
  pending = action;
  store.getState().openOverlay('pin');
}

/** After a right PIN: close the dialog and run what staff asked for. */
export async function runPending(store: AppStore): Promise<void> {
  const action = pending;
  pending = null;
  store.getState().openOverlay(null);
  await action?.();
}

export function dropPending(): void {
  pending = null;
}
