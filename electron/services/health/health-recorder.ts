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

export class HealthRecorder {
  private readonly sessions = new Map<string, Map<Quality, StreamStatus>>();

  constructor(
    private readonly log: HealthLog,
    /** The configuration's cameras and how they stand before any stream opens. */
    cameras: readonly { id: string; availability: 'installed' | 'not-installed' | 'disabled' }[],
    private readonly now: () => number,
  ) {
    for (const camera of cameras) {
      if (camera.availability === 'not-installed') continue;
      const state: HealthState = camera.availability === 'disabled' ? 'disabled' : 'unwatched';
      this.log.append({ at: now(), cameraId: camera.id, state });
    }
  }

  onStatus(status: StreamStatus): void {
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
