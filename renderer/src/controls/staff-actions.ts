// What staff and passers-by can do from the keyboard or mouse. Glancing (pages, the tour's
// pause, maximising a tile, help) needs nothing; changing what a display shows, editing
// layouts, settings and quitting go through the staff PIN (staff-gate.ts).
import {
  DEFAULT_LOCALE,
  DEFAULT_TOUR_SECONDS,
  nextLocale,
  type Result,
  type SavedLayout,
  type TourSpec,
  type WallApi,
  type WallSnapshot,
} from '../contract';
import { translate } from '../i18n/translate';
import { pageCells } from '../layout/paging';
import { playerPool, prestartCells } from '../player/pool-instance';
import type { AppStore } from '../store/app-store';
import { deriveView } from '../store/current-view';
import { nextStep, pauseTour, resumeTour, startTour } from '../tour/tour-schedule';
import { withStaff } from './staff-gate';

const NOTICE_MS = 6_000;
let noticeTimer: ReturnType<typeof setTimeout> | null = null;

export function showNotice(store: AppStore, text: string): void {
  store.getState().setNotice(text);
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => store.getState().setNotice(null), NOTICE_MS);
}

function apply(store: AppStore, result: Result<WallSnapshot>): boolean {
  const state = store.getState();
  if (result.ok) {
    state.setSnapshot(result.value);
    return true;
  }
  const locale = state.snapshot?.locale ?? DEFAULT_LOCALE;
  showNotice(store, translate(locale, 'action.failed', { error: result.error }));
  return false;
}

/**
 * Shows a layout on this display (remembered for it), with or without a tour. The first page's
 * players start before main is asked (its answer switches the display at once), and the switch
 * waits for their first pictures, so no tile is black; a camera already on screen keeps its player.
 */
export function chooseLayout(
  api: WallApi,
  store: AppStore,
  layoutId: string,
  tour: TourSpec | null = null,
): Promise<void> {
  return withStaff(api, store, async () => {
    const { display, snapshot } = store.getState();
    const layout = snapshot?.layouts.find((l) => l.id === layoutId);
    const prestart =
      layout && snapshot ? prestartCells(pageCells(layout, snapshot.cameras, 0)) : null;
    try {
      await prestart?.whenReady();
      const result = await api.chooseDisplay({
        displayId: display.id,
        choice: { index: display.index, layoutId, tour },
      });
      if (apply(store, result)) {
        store.getState().setPage(0);
        store.getState().setTour(null, tour ? startTour(Date.now()) : null);
        store.getState().openOverlay(null);
      }
    } finally {
      // The new tiles mount on this change and take their own references first.
      setTimeout(() => prestart?.release(), 0);
    }
  });
}

/** Keys 1–9: the first nine saved layouts. */
export function recallLayout(api: WallApi, store: AppStore, key: string): boolean {
  if (!/^[1-9]$/.test(key)) return false;
  const layout = store.getState().snapshot?.layouts[Number(key) - 1];
  if (!layout) return false;
  void chooseLayout(api, store, layout.id);
  return true;
}

export function saveLayout(api: WallApi, store: AppStore, layout: SavedLayout): Promise<void> {
  return withStaff(api, store, async () => {
    if (apply(store, await api.saveLayout(layout))) store.getState().openOverlay(null);
  });
}

/** Renames a saved layout; the panel stays open. */
export function renameLayout(
  api: WallApi,
  store: AppStore,
  layout: SavedLayout,
  name: string,
): Promise<void> {
  return withStaff(api, store, async () => {
    apply(store, await api.saveLayout({ ...layout, name: name.trim() }));
  });
}

/** Deletes a saved layout (the panel asked first); a display that showed it falls back. */
export function deleteLayout(api: WallApi, store: AppStore, layoutId: string): Promise<void> {
  return withStaff(api, store, async () => {
    apply(store, await api.deleteLayout({ id: layoutId }));
  });
}

/** PageDown / PageUp: the next or previous page (during a tour, its next or previous step). */
export function turnPage(store: AppStore, delta: 1 | -1): void {
  const state = store.getState();
  const view = deriveView(state);
  if (!view) return;
  if (view.tour && state.tourClock && view.steps.length > 0) {
    const count = view.steps.length;
    const step = (state.tourClock.step + delta + count) % count;
    state.setTourClock({ ...nextStep(state.tourClock, count, Date.now()), step });
    return;
  }
  state.setPage((view.page + delta + view.pageCount) % view.pageCount);
}

/** Space: pauses or resumes the tour; with none, tours this layout's pages from here. */
export function toggleTour(store: AppStore): void {
  const state = store.getState();
  const view = deriveView(state);
  if (!view) return;
  const now = Date.now();
  if (!view.tour) {
    state.setTour({ seconds: DEFAULT_TOUR_SECONDS, layoutIds: [] }, startTour(now, view.page));
  } else if (!state.tourClock) {
    state.setTourClock(startTour(now));
  } else {
    const clock = state.tourClock;
    state.setTourClock(clock.pausedAt === null ? pauseTour(clock, now) : resumeTour(clock, now));
  }
}

export async function toggleLocale(api: WallApi, store: AppStore): Promise<void> {
  const snapshot = store.getState().snapshot;
  if (!snapshot) return;
  apply(store, await api.setLocale(nextLocale(snapshot.locale)));
}

export function maximiseCamera(store: AppStore, cameraId: string): void {
  store.getState().maximise(cameraId);
}

export function restoreGrid(store: AppStore): void {
  store.getState().restore();
}

export function openStaffOverlay(
  api: WallApi,
  store: AppStore,
  overlay: 'layouts' | 'editor' | 'settings',
  editingLayoutId: string | null = null,
): Promise<void> {
  return withStaff(api, store, () => store.getState().openOverlay(overlay, editingLayoutId));
}

/** The quit chord or the toolbar's Quit: the PIN, then the confirmation (quit-dialog.tsx). */
export function quitWall(api: WallApi, store: AppStore): Promise<void> {
  return withStaff(api, store, () => store.getState().openOverlay('quit'));
}

/**
 * The confirmation's Quit: main quits the app (or the preview host stops) and refuses while
 * locked. The page lets its players go, since nothing will be shown any more.
 */
export function confirmQuit(api: WallApi, store: AppStore): Promise<void> {
  return withStaff(api, store, async () => {
    const result = await api.quit();
    if (!result.ok) {
      store.getState().openOverlay(null);
      const locale = store.getState().snapshot?.locale ?? DEFAULT_LOCALE;
      showNotice(store, translate(locale, 'action.failed', { error: result.error }));
      return;
    }
    playerPool.destroyAll();
    store.getState().openOverlay('quit-done');
  });
}
