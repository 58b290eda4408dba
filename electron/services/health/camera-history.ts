// One camera's history for the availability arithmetic, from a read of the health log: its
// state at the start of the range (or the app's absence), then its own changes and the app's
// starts and stops. Shared by the status view and the CSV export.
import type { CameraStateRecord } from '../../health/availability/availability-model';
import type { HealthReadResult } from '../../health/log/range-reader';
import { APP_ID } from '../../health/log/health-record';

export function cameraHistory(read: HealthReadResult, cameraId: string): CameraStateRecord[] {
  const records: CameraStateRecord[] = [];
  const initial = read.initial.find((s) => s.cameraId === cameraId);
  if (!read.appRunningAtFrom) records.push({ at: read.from, state: 'app-stopped' });
  else if (initial) records.push({ at: read.from, state: initial.state });
  for (const r of read.records) {
    if (r.cameraId !== cameraId && r.cameraId !== APP_ID) continue;
    records.push(
      r.reason ? { at: r.at, state: r.state, reason: r.reason } : { at: r.at, state: r.state },
    );
  }
  return records;
}
