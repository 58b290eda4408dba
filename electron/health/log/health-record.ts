// What the health log stores: one record per change of a camera's state, plus the app's own
// start and stop, so availability can later be computed for any past range.

// The order of this list IS the on-disk state code (index = byte in the file). Only ever
// append to it: reordering or removing an entry would silently relabel old records.
export const HEALTH_STATES = [
  'live',
  'stale',
  'no-media',
  'auth-failed',
  'unreachable',
  'damaged',
  'unstable',
  'disabled',
  'outside-hours',
  'app-started',
  'app-stopped',
  'connecting',
  'not-found',
  'unsupported-codec',
  'error',
  /** No tile shows the camera, so the wall holds no connection to it and cannot say. */
  'unwatched',
] as const;

export type HealthState = (typeof HEALTH_STATES)[number];

export interface HealthRecord {
  /** Epoch milliseconds. */
  at: number;
  /** The camera, or APP_ID for 'app-started' / 'app-stopped'. */
  cameraId: string;
  state: HealthState;
  reason?: string;
}

/** A record as read back; `inferred` marks an 'app-stopped' the reader deduced after a crash. */
export interface ReadRecord extends HealthRecord {
  inferred?: true;
}

/** Where a camera stood at some instant, and since when. */
export interface CameraState {
  cameraId: string;
  state: HealthState;
  since: number;
  reason?: string;
}

/** The pseudo camera the app's own start/stop records are filed under. */
export const APP_ID = '';

/** Reason given to an 'app-stopped' the reader inferred (no clean close was logged). */
export const INFERRED_STOP_REASON = 'inferred: no clean stop was logged (crash or power cut)';

// Long ids/reasons are clipped so every frame stays small and a frame's length field stays
// plausible; the scanner rejects longer frames as damage.
export const MAX_ID_CHARS = 200;
export const MAX_REASON_CHARS = 500;

export function isHealthState(value: string): value is HealthState {
  return (HEALTH_STATES as readonly string[]).includes(value);
}

export function isAppState(state: HealthState): boolean {
  return state === 'app-started' || state === 'app-stopped';
}

/** A record as the state it leaves its camera in. */
export function stateOf(record: HealthRecord): CameraState {
  const s: CameraState = { cameraId: record.cameraId, state: record.state, since: record.at };
  if (record.reason !== undefined) s.reason = record.reason;
  return s;
}
