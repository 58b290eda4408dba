// The one contract between the renderer and the main process (or the browser preview host).
// Imported by main, preload and the preview host at runtime, and by the renderer type-only.
// It has no runtime dependencies and never carries a password, token or credential-bearing URL:
// the renderer learns camera ids, names, states and loopback URLs that hold only the per-launch
// secret.

export type Locale = 'vi' | 'en';
export type Quality = 'main' | 'sub';
export type LayoutPresetId = '1x1' | '2x2' | '3x3' | '4x4' | '5x4';

/** Whether a camera is expected to play at all. Only `installed` cameras open a stream. */
export type CameraAvailability = 'installed' | 'not-installed' | 'disabled';

/** The upstream kinds a camera URL can have. */
export type SourceKind = 'rtsp' | 'flv' | 'ts' | 'demo';

/**
 * The state of one upstream session (camera + quality), as the main process sees it.
 * - idle: nobody watches it, so no connection is held.
 * - connecting: a connection attempt is under way (first one or a retry).
 * - live: video frames are arriving.
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
  | 'no-auth-method';

export interface StreamStatus {
  cameraId: string;
  quality: Quality;
  state: StreamState;
  /** Epoch ms when this state began. */
  since: number;
  /** Epoch ms of the last video frame received from upstream, or null if none yet. */
  lastFrameAt: number | null;
  /** Epoch ms of the next reconnect attempt when one is scheduled, else null. */
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

export interface LayoutSelection {
  preset: LayoutPresetId;
  /** One entry per cell in reading order; null is an empty cell. */
  cameraIds: (string | null)[];
}

export interface WallSnapshot {
  productName: string;
  sites: SiteView[];
  cameras: CameraView[];
  layout: LayoutSelection;
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

/** Request channels: name → [request payload, response value]. */
export interface WallRequests {
  'wall:get-snapshot': [void, WallSnapshot];
  'wall:set-layout': [LayoutSelection, WallSnapshot];
  'wall:set-locale': [Locale, WallSnapshot];
  'streams:get-statuses': [void, StreamStatus[]];
}

/** Event channels pushed from main to the renderer: name → payload. */
export interface WallEvents {
  'streams:status': StreamStatus;
  'wall:snapshot': WallSnapshot;
}

export type WallRequestChannel = keyof WallRequests;
export type WallEventChannel = keyof WallEvents;

export const WALL_REQUEST_CHANNELS = [
  'wall:get-snapshot',
  'wall:set-layout',
  'wall:set-locale',
  'streams:get-statuses',
] as const satisfies readonly WallRequestChannel[];

export const WALL_EVENT_CHANNELS = [
  'streams:status',
  'wall:snapshot',
] as const satisfies readonly WallEventChannel[];

/** What the preload exposes as `window.wallApi` (and the preview host's client mirrors). */
export interface WallApi {
  getSnapshot(): Promise<Result<WallSnapshot>>;
  setLayout(layout: LayoutSelection): Promise<Result<WallSnapshot>>;
  setLocale(locale: Locale): Promise<Result<WallSnapshot>>;
  getStatuses(): Promise<Result<StreamStatus[]>>;
  /** Subscribes; returns the function that removes the subscription. */
  onStatus(listener: (status: StreamStatus) => void): () => void;
  onSnapshot(listener: (snapshot: WallSnapshot) => void): () => void;
}

export const WALL_API_GLOBAL = 'wallApi';

export function streamPath(cameraId: string, quality: Quality): string {
  return `/${encodeURIComponent(cameraId)}/${quality}.flv`;
}
