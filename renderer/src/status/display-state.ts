// What a tile shows, decided from three inputs: the camera's configuration, the upstream status
// pushed by main, and the tile's own player freshness (decoded frames advancing). Pure, so the
// priority rules are unit-tested.
import type { CameraView, FailureReason, StreamStatus } from '../contract';

/**
 * The displayed state key; also the tile's data-state test hook. Main's upstream states (but
 * 'idle', which a shown tile never is) plus what only the configuration can say.
 */
export type DisplayState =
  Exclude<StreamStatus['state'], 'idle'> | 'not-installed' | 'disabled' | 'empty' | 'damaged';

/**
 * The tile player's own view of its picture, from the freshness watchdog; 'damaged' when the
 * demuxer could not read the stream (a broken decoder configuration main let through).
 */
export type PlayerHealth = 'connecting' | 'live' | 'stalled' | 'codec-unsupported' | 'damaged';

export interface PlayerFreshness {
  health: PlayerHealth;
  /** Epoch ms of the last frame the player presented, or null before the first one. */
  lastFrameAt: number | null;
}

/**
 * Whether a player's new freshness is worth pushing: only changes of state are, not every
 * frame, so nothing re-renders while a tile is live (its last frame time moves on each frame).
 */
export function sameFreshness(last: PlayerFreshness | null, next: PlayerFreshness): boolean {
  return (
    last !== null &&
    last.health === next.health &&
    (next.health === 'live' || last.lastFrameAt === next.lastFrameAt)
  );
}

export interface TileView {
  state: DisplayState;
  /** Why an upstream failure happened, when main knows; null otherwise. */
  reason: FailureReason | null;
  /** The server's HTTP/RTSP status for that failure, when it gave one. */
  protocolStatus: number | null;
  lastFrameAt: number | null;
  /**
   * Epoch ms since when a red tile has had no picture: the last frame when there was one
   * (lost signal, or a failure after playing), else when main's failure began; null otherwise.
   */
  since: number | null;
  retryAt: number | null;
  /** The cell names a camera id the configuration does not know. */
  unknownCamera: boolean;
}

export interface TileInputs {
  cameraId: string | null;
  camera: CameraView | undefined;
  status: StreamStatus | undefined;
  freshness: PlayerFreshness | undefined;
  /**
   * Whether this display's MSE can decode H.265: asked only of an H.265 stream, because the
   * browser's first answer costs about 20 ms of the page's thread (measured at boot).
   */
  canDecodeH265: () => boolean;
}

/** Failures main reports and keeps retrying (a codec the display cannot decode is not one). */
export const UPSTREAM_FAILURES: ReadonlySet<DisplayState> = new Set<DisplayState>([
  'no-media',
  'auth-failed',
  'unreachable',
  'not-found',
  'error',
]);

function latest(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return Math.max(a, b);
}

/**
 * Since when a red tile has had no picture. Main's last frame counts only when main itself
 * lost the stream: while main still receives frames the tile's own player (stalled, damaged)
 * or the display (H.265) is what fails, and main's clock would say "just now" forever.
 */
function downSince(
  state: DisplayState,
  status: StreamStatus | undefined,
  freshness: PlayerFreshness | undefined,
): number | null {
  if (!isDownState(state)) return null;
  const mainLost = status !== undefined && status.state !== 'live' && status.state !== 'unstable';
  if (state === 'unsupported-codec') return status?.since ?? null;
  const playerSaysSo = freshness?.health === 'stalled' || freshness?.health === 'damaged';
  if (playerSaysSo && !mainLost) return freshness.lastFrameAt ?? status?.since ?? null;
  return latest(status?.lastFrameAt, freshness?.lastFrameAt) ?? status?.since ?? null;
}

export function deriveTileView(inputs: TileInputs): TileView {
  const { cameraId, camera, status, freshness, canDecodeH265 } = inputs;
  const lastFrameAt = latest(status?.lastFrameAt, freshness?.lastFrameAt);
  const retryAt = status?.retryAt ?? null;
  // Main refused the stream's decoder configuration: the same words as the player's verdict.
  const damagedUpstream = status?.state === 'error' && status.reason === 'damaged-video';
  const view = (state: DisplayState, unknownCamera = false): TileView => {
    // Only a failure that main reported carries main's reason for it.
    const fromMain = state === status?.state || (state === 'damaged' && damagedUpstream);
    return {
      state,
      reason: fromMain ? (status?.reason ?? null) : null,
      protocolStatus: fromMain ? (status?.protocolStatus ?? null) : null,
      lastFrameAt,
      since: unknownCamera ? null : downSince(state, status, freshness),
      retryAt,
      unknownCamera,
    };
  };

  if (cameraId === null) return view('empty');
  if (camera === undefined) return view('error', true);
  if (camera.availability === 'not-installed') return view('not-installed');
  if (camera.availability === 'disabled') return view('disabled');

  const codecUnsupported =
    status?.state === 'unsupported-codec' ||
    (status?.codec === 'h265' && !canDecodeH265()) ||
    freshness?.health === 'codec-unsupported';
  if (codecUnsupported) return view('unsupported-codec');

  // The demuxer itself could not read the stream: no frame will come until it changes.
  if (freshness?.health === 'damaged') return view('damaged');
  // A stream that keeps ending shows pictures between its freezes: advancing frames do not
  // make it live.
  if (status?.state === 'unstable') return view('unstable');
  // Frames advancing on screen outrank any older upstream report: the picture speaks.
  if (freshness?.health === 'live') return view('live');
  if (freshness?.health === 'stalled' || status?.state === 'stalled') return view('stalled');

  if (damagedUpstream) return view('damaged');
  const upstream = status?.state;
  if (upstream !== undefined && UPSTREAM_FAILURES.has(upstream as DisplayState)) {
    return view(upstream as DisplayState);
  }
  // idle, connecting, or main says live but no frame has reached this tile yet.
  return view('connecting');
}

/** States that count a centre as down in the banner (red on the tile). */
export function isDownState(state: DisplayState): boolean {
  return (
    state === 'stalled' ||
    state === 'unsupported-codec' ||
    state === 'damaged' ||
    UPSTREAM_FAILURES.has(state)
  );
}

/**
 * The centres with at least one camera down, each once, in the order given (the
 * configuration's): what the banner counts and names.
 */
export function sitesDown(
  cameras: readonly { siteId: string | null; state: DisplayState }[],
): string[] {
  const down = new Set<string>();
  for (const camera of cameras) {
    if (camera.siteId !== null && isDownState(camera.state)) down.add(camera.siteId);
  }
  return [...down];
}
