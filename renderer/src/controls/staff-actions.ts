// What staff can do from the keyboard or mouse. Layout and language belong to main (it saves
// them); the maximised tile is this screen's own business.
import {
  DEFAULT_LOCALE,
  nextLocale,
  type LayoutPresetId,
  type Result,
  type WallApi,
  type WallSnapshot,
} from '../contract';
import { translate } from '../i18n/translate';
import { reflowLayout } from '../layout/layout-math';
import type { AppStore } from '../store/app-store';
import { requireStaff } from './staff-gate';

const NOTICE_MS = 6_000;
let noticeTimer: ReturnType<typeof setTimeout> | null = null;

function apply(store: AppStore, result: Result<WallSnapshot>): void {
  const state = store.getState();
  if (result.ok) {
    state.setSnapshot(result.value);
    return;
  }
  const locale = state.snapshot?.locale ?? DEFAULT_LOCALE;
  state.setNotice(translate(locale, 'action.failed', { error: result.error }));
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => store.getState().setNotice(null), NOTICE_MS);
}

export async function switchPreset(
  api: WallApi,
  store: AppStore,
  preset: LayoutPresetId,
): Promise<void> {
  const snapshot = store.getState().snapshot;
  if (!snapshot || snapshot.layout.preset === preset) return;
  if (!(await requireStaff('switch-preset'))) return;
  const layout = reflowLayout(snapshot.layout, preset, snapshot.cameras);
  apply(store, await api.setLayout(layout));
}

export async function toggleLocale(api: WallApi, store: AppStore): Promise<void> {
  const snapshot = store.getState().snapshot;
  if (!snapshot) return;
  if (!(await requireStaff('toggle-locale'))) return;
  apply(store, await api.setLocale(nextLocale(snapshot.locale)));
}

export async function maximiseCamera(store: AppStore, cameraId: string): Promise<void> {
  if (!(await requireStaff('maximise'))) return;
  store.getState().maximise(cameraId);
}

export async function restoreGrid(store: AppStore): Promise<void> {
  if (store.getState().maximisedCameraId === null) return;
  if (!(await requireStaff('restore'))) return;
  store.getState().restore();
}
