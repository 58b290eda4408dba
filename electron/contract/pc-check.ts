// The PC check for district IT: what this display decodes and how many tiles it keeps at full
// frame rate (measured in the renderer, with the embedded demo clips), and what main knows of
// the PC (free disk for the health log, whether the clock is plausible). The renderer's part is
// kept by main so every window, and the next start, know it.

/** Whether one codec decodes here: through MSE (what the tiles use) and through WebCodecs. */
export interface CodecSupport {
  mse: boolean;
  /** null: this Chromium has no WebCodecs VideoDecoder (or it would not answer). */
  webCodecs: boolean | null;
}

/** One step of the decode measurement: N players at once, over the same window. */
export interface DecodeStep {
  tiles: number;
  /** The slowest player's presented frames per second over the window. */
  slowestFps: number;
  /** Frames dropped by all players together over the window. */
  dropped: number;
  /** Every player kept at least FULL_RATE_SHARE of the clip's frame rate. */
  fullRate: boolean;
}

export interface DecodeMeasure {
  /** The most tiles decoded at full frame rate (0: not even one). */
  tiles: number;
  /** What was decoded: the demo clips' size and frame rate. */
  clip: { width: number; height: number; fps: number };
  /** Wall tiles that kept presenting frames during the best step's window, beside the measured. */
  wallPlayers: number;
  steps: DecodeStep[];
  /** Why the measurement stopped before the largest step, if it did ('time', 'error: …'). */
  stoppedBy: string | null;
}

/** The part of the check only the renderer can do. */
export interface RendererPcCheck {
  measuredAt: number;
  codecs: { h264: CodecSupport; h265: CodecSupport };
  decode: DecodeMeasure;
  /** The screen of the window that ran the check (CSS pixels × scale = device pixels). */
  display: { id: string; width: number; height: number; scale: number };
}

export interface DiskCheck {
  /** Free bytes for the health log's folder, or null with the reason. */
  freeBytes: number | null;
  error: string | null;
}

export interface ClockCheck {
  now: number;
  /** When the previous run last wrote to the health log; null for a new log. */
  lastLogEntry: number | null;
  /** 'before-release': earlier than this version could run; 'behind-log': earlier than the log. */
  problem: 'before-release' | 'behind-log' | null;
}

export interface PcCheckReport {
  /** The last measurement this PC kept, or null before the first. */
  renderer: RendererPcCheck | null;
  /** Whether a measurement outlives this run (false: no health folder; no check at start then). */
  persistent: boolean;
  disk: DiskCheck;
  clock: ClockCheck;
}

/** Camera ids the gateway serves from the demo clips for the measurement, never configured. */
export const PC_CHECK_CAMERA_PREFIX = '~pc-check-';
/** The embedded demo clips the measurement decodes (scripts/make-demo-clips.sh). */
export const PC_CHECK_CLIP = { width: 640, height: 360, fps: 25 } as const;

/** How many players decode at once as long as all keep full rate: the usual tile counts. */
export const PC_CHECK_STEPS: readonly number[] = [1, 4, 9, 16, 25];

/** A player at this share of the clip's frame rate or more counts as full rate. */
export const FULL_RATE_SHARE = 0.9;

export function pcCheckCameraId(index: number): string {
  return `${PC_CHECK_CAMERA_PREFIX}${index}`;
}

export function isPcCheckCamera(cameraId: string): boolean {
  return cameraId.startsWith(PC_CHECK_CAMERA_PREFIX);
}
