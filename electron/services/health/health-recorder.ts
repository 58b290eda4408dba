// Feeds the health log from the broker's status events: one state per camera, however many
// sessions (sub in the grid, main when maximised) it has open. A camera is live when any of its
// sessions is; otherwise it takes its worst failing session's state; with every session idle
// the wall holds no connection to it and the log says 'unwatched' rather than guess.
import type { Quality, StreamState, StreamStatus } from '../../contract/wall-contract';
import type { HealthLog } from '../../health/log/health-log';
import type { HealthState } from '../../health/log/health-record';

/** How each session state reads in the health log. */
const HEALTH_OF: Record<StreamState, HealthState> = {
  idle: 'unwatched',
  connecting: 'connecting',
  live: 'live',
  stalled: 'stale',
  'no-media': 'no-media',
  'auth-failed': 'auth-failed',
  unreachable: 'unreachable',
  'not-found': 'not-found',
  'unsupported-codec': 'unsupported-codec',
  error: 'error',
  unstable: 'unstable',
};

/** Which of two session states speaks for the camera: live first, then the failures, idle last. */
const RANK: readonly HealthState[] = [
  'live',
  'auth-failed',
  'damaged',
  'unreachable',
  'not-found',
  'unsupported-codec',
  'no-media',
  'unstable',
  'stale',
  'error',
  'connecting',
  'unwatched',
];

export function healthStateOf(status: StreamStatus): HealthState {
  if (status.reason === 'malformed-stream' && status.state === 'error') return 'damaged';
  return HEALTH_OF[status.state] ?? 'error';
}

function reasonOf(status: StreamStatus): string | undefined {
  if (!status.reason) return undefined;
  return status.protocolStatus ? `${status.reason} ${status.protocolStatus}` : status.reason;
}

type RecordedCamera = { id: string; availability: 'installed' | 'not-installed' | 'disabled' };

export class HealthRecorder {
  private readonly sessions = new Map<string, Map<Quality, StreamStatus>>();
  private outside = false;

  constructor(
    private readonly log: HealthLog,
    /** The configuration's cameras and how they stand before any stream opens. */
    private readonly cameras: readonly RecordedCamera[],
    private readonly now: () => number,
  ) {
    this.recordAll('unwatched');
  }

  /**
   * The wall went dark outside office hours and holds no stream: every installed camera is
   * 'outside-hours' (not down) until hours resume, and what closing sessions report is ignored.
   */
  outsideHours(): void {
    if (this.outside) return;
    this.outside = true;
    this.sessions.clear();
    this.recordAll('outside-hours');
  }

  /** The wall shows cameras again; each is 'unwatched' until its stream says more. */
  withinHours(): void {
    if (!this.outside) return;
    this.outside = false;
    this.recordAll('unwatched');
  }

  private recordAll(installedState: HealthState): void {
    for (const camera of this.cameras) {
      if (camera.availability === 'not-installed') continue;
      const state: HealthState = camera.availability === 'disabled' ? 'disabled' : installedState;
      this.log.append({ at: this.now(), cameraId: camera.id, state });
    }
  }

  onStatus(status: StreamStatus): void {
    if (this.outside) return;
    let byQuality = this.sessions.get(status.cameraId);
    if (!byQuality) this.sessions.set(status.cameraId, (byQuality = new Map()));
    byQuality.set(status.quality, status);
    const speaking = [...byQuality.values()].reduce((best, next) =>
      RANK.indexOf(healthStateOf(next)) < RANK.indexOf(healthStateOf(best)) ? next : best,
    );
    const reason = reasonOf(speaking);
    this.log.append({
      at: this.now(),
      cameraId: status.cameraId,
      state: healthStateOf(speaking),
      ...(reason ? { reason } : {}),
    });
  }
}
