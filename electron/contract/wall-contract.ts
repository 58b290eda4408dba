// The data the renderer and the main process (or the browser preview host) exchange. The
// contract folder is imported at runtime by main, preload, the preview host and the renderer,
// so it imports nothing outside itself. It never carries a password, token or
// credential-bearing URL: the renderer learns camera ids, names, states and loopback URLs that
// hold only the per-launch secret.
import type { LayoutPresetId } from './layout-presets';
import type { Locale } from './locales';
import type { DisplayChoice, SavedLayout } from './saved-layout';

export type { LayoutPresetId } from './layout-presets';
export type { Locale } from './locales';

export type Quality = 'main' | 'sub';

/** Whether a camera is expected to play at all. Only `installed` cameras open a stream. */
export type CameraAvailability = 'installed' | 'not-installed' | 'disabled';

/** The upstream kinds a camera URL can have. */
export type SourceKind = 'rtsp' | 'flv' | 'ts' | 'demo';

/**
 * The state of one upstream session (camera + quality), as the main process sees it.
 * - idle: nobody watches it, so no connection is held.
 * - connecting: a connection attempt is under way (first one or a retry).
 * - live: video frames are arriving.
 * - unstable: video arrives in short bursts: the stream keeps ending (3 times within 2
 *   minutes, each after under a minute of video) and is reconnected each time; it is 'live'
 *   again once it has played for a minute without a break.
 * - stalled: frames were arriving and stopped; the session will reconnect.
 * - no-media: the server answered but sent no video within the timeout.
 * - auth-failed: the server refused the credentials (retried only rarely, see retryAt).
 * - unreachable: connection refused, host down, DNS failure or connect timeout.
 * - not-found: the server has no such stream or path (HTTP 404, RTSP 404).
 * - unsupported-codec: the stream's codec cannot be played (for example H.265 here).
 * - error: anything else; `message` says what.
 */
export type StreamState =
  | 'idle'
  | 'connecting'
  | 'live'
  | 'unstable'
  | 'stalled'
  | 'no-media'
  | 'auth-failed'
  | 'unreachable'
  | 'not-found'
  | 'unsupported-codec'
  | 'error';

export type VideoCodec = 'h264' | 'h265';

/**
 * Why a stream failed, finer than its state, so the tile can say what to check: a refused
 * port is a wrong address or port, a timeout a camera that is off or a network that drops it.
 */
export type FailureReason =
  | 'connection-refused'
  | 'connect-timeout'
  | 'host-not-found'
  | 'host-unreachable'
  | 'connection-reset'
  | 'tls'
  | 'session-not-found'
  | 'method-not-allowed'
  | 'server-refused'
  | 'no-video-track'
  | 'malformed-stream'
  | 'no-auth-method'
  | 'damaged-video'
  | 'basic-over-cleartext'
  | 'redirect-loop'
  | 'redirect-refused';

export interface StreamStatus {
  cameraId: string;
  quality: Quality;
  state: StreamState;
  /** Epoch ms when this state began. */
  since: number;
  /** Epoch ms of the last video frame received from upstream, or null if none yet. */
  lastFrameAt: number | null;
  /**
   * Epoch ms of the next reconnect attempt when one is scheduled, else null. With
   * 'auth-failed' it is when the camera's login back-off allows the next login (the tile's
   * countdown); null while another stream of the camera is logging in.
   */
  retryAt: number | null;
  /** Technical detail for logs and the status view; never contains credentials. */
  detail?: string;
  /** With a failure state: why, when known. */
  reason?: FailureReason;
  /** With a failure state: the server's HTTP or RTSP status code, when it gave one. */
  protocolStatus?: number;
  codec?: VideoCodec;
}

export interface SiteView {
  id: string;
  /** Full name, for example "Xã Cẩm Đoài". */
  name: string;
  /** Short name for small tiles, for example "Cẩm Đoài". */
  shortName: string;
}

export interface CameraView {
  id: string;
  siteId: string;
  /** Camera label within the site, for example "Quầy 1". */
  name: string;
  availability: CameraAvailability;
  kind: SourceKind;
  /** True when the camera has credentials stored in the main process. Never the credentials. */
  hasCredentials: boolean;
  /** Whether a separate main stream exists (else the sub stream serves both). */
  hasMainStream: boolean;
}

/** The configuration file's layout: a preset and one camera per cell. */
export interface LayoutSelection {
  preset: LayoutPresetId;
  /** One entry per cell in reading order; null is an empty cell. */
  cameraIds: (string | null)[];
}

export interface WallSnapshot {
  productName: string;
  sites: SiteView[];
  cameras: CameraView[];
  /** The named layouts; keys 1–9 recall the first nine. Never empty. */
  layouts: SavedLayout[];
  /** What each display shows, by display id (see resolveDisplayChoice for the fallback). */
  displays: Record<string, DisplayChoice>;
  locale: Locale;
  /**
   * Base of the loopback WS-FLV gateway, holding the per-launch secret, for example
   * `ws://127.0.0.1:41234/3f9a…/live`. A tile plays `${base}/${cameraId}/${quality}.flv`.
   */
  gatewayBase: string;
  /** Where the configuration came from, for the status view. */
  configSource: 'demo' | 'file' | 'store';
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
