// Snapshot and instant replay as actions (keys, the toolbar, a right-click): no PIN, since they
// only keep or replay what the wall already shows. A toast (the banner's notice) says how it went.
import { DEFAULT_LOCALE, REPLAY_CHOICES, type WallApi } from '../contract';
import { showNotice } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import type { AppStore } from '../store/app-store';
import { frameTimeOf } from './frame-times';
import { snapshotBand } from './snapshot-band';
import { captureCanvas, captureFrame, snapshotPng, type CapturedFrame } from './snapshot-image';

/** The tile a key or the toolbar means: the maximised one, else the one with the focus. */
export function chosenTile(): HTMLElement | null {
  const maximised = document.querySelector<HTMLElement>('.maximised [data-testid="tile"]');
  if (maximised) return maximised;
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('[data-testid="tile"]') : null;
}

export async function takeSnapshot(
  api: WallApi,
  store: AppStore,
  tile: HTMLElement | null,
): Promise<void> {
  const state = store.getState();
  const locale = state.snapshot?.locale ?? DEFAULT_LOCALE;
  const cameraId = tile?.dataset.cameraId;
  if (!tile || !cameraId) return showNotice(store, translate(locale, 'look.pickTile'));
  const frame = await capturePicture(tile);
  if (!frame) return showNotice(store, translate(locale, 'look.noPicture'));
  const frameAt = frameTimeOf(frame.source, frame.mediaTime);
  const camera = state.snapshot?.cameras.find((c) => c.id === cameraId);
  const site = state.snapshot?.sites.find((s) => s.id === camera?.siteId);
  const band = snapshotBand(
    site?.name ?? '',
    camera?.name ?? cameraId,
    new Date(frameAt ?? Date.now()),
  );
  let png: string;
  try {
    png = await snapshotPng(frame, band);
  } catch (error) {
    return showNotice(store, translate(locale, 'action.failed', { error: String(error) }));
  }
  const result = await api.saveSnapshot({ cameraId, png, frameAt });
  showNotice(
    store,
    result.ok
      ? translate(locale, result.value.copied ? 'look.snapshotCopied' : 'look.snapshotSaved', {
          path: result.value.path,
        })
      : translate(locale, 'action.failed', { error: result.error }),
  );
}

/**
 * The picture the tile shows: during a replay the replayed frame, else its live player's, a
 * <video> (mpegts.js) or a WebCodecs canvas (0 wide until its first frame is painted).
 */
async function capturePicture(
  tile: HTMLElement,
): Promise<(CapturedFrame & { source: HTMLVideoElement | HTMLCanvasElement }) | null> {
  const source =
    tile.querySelector('video.replay-video') ?? tile.querySelector('video, canvas.tile-canvas');
  if (source instanceof HTMLVideoElement && source.videoWidth > 0) {
    return { ...(await captureFrame(source)), source };
  }
  if (source instanceof HTMLCanvasElement && source.width > 0 && source.height > 0) {
    return { ...captureCanvas(source), source };
  }
  return null;
}

/** R: replays the last 10 s of the maximised tile; pressed again during it, 30 s, then 60 s. */
export function replayNext(store: AppStore): void {
  const state = store.getState();
  const cameraId = state.maximisedCameraId;
  if (cameraId === null) {
    const locale = state.snapshot?.locale ?? DEFAULT_LOCALE;
    return showNotice(store, translate(locale, 'look.replayMaximise'));
  }
  const current = state.replay?.cameraId === cameraId ? state.replay.seconds : null;
  const next = REPLAY_CHOICES.find((s) => current === null || s > current);
  state.startReplay(cameraId, next ?? REPLAY_CHOICES[REPLAY_CHOICES.length - 1]!);
}
