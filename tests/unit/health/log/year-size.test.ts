// A year of a 25-camera wall (~20 state changes per camera per day, a tick every minute so
// heartbeats fill quiet nights) must stay a few MB on disk.
import { describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import type { HealthState } from '../../../../electron/health/log/health-record';
import { listSegments } from '../../../../electron/health/log/segment-files';
import { DAY, MINUTE, tempDir, TestClock } from './helpers';

const CAMERAS = Array.from({ length: 25 }, (_, i) => `Trung tâm ${1 + (i % 5)} – Quầy ${i}`);
const FAULTS: Array<[HealthState, string]> = [
  ['stale', 'no frame for 10 s'],
  ['unreachable', 'connect ETIMEDOUT 10.1.2.3:554'],
  ['no-media', 'RTSP DESCRIBE has no video track'],
  ['outside-hours', 'after 17:30'],
];

describe('health log size', () => {
  it('keeps a year of ~182k changes under 8 MB', () => {
    const dir = tempDir();
    const start = Date.UTC(2025, 0, 1);
    const clock = new TestClock(start);
    // fsync is not under test; a huge interval keeps 182k writes fast on any disk.
    const log = HealthLog.open({ dir, now: clock.now, fsyncMs: 1e15 });
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let written = 0;
    const live = new Set<string>();
    for (let day = 0; day < 365; day += 1) {
      const changes = CAMERAS.flatMap((cameraId) =>
        Array.from({ length: 20 }, () => ({ cameraId, at: Math.floor(random() * DAY) })),
      ).sort((a, b) => a.at - b.at);
      let next = 0;
      for (let minute = 0; minute < 24 * 60; minute += 1) {
        const minuteEnd = start + day * DAY + (minute + 1) * MINUTE;
        while (next < changes.length && start + day * DAY + changes[next]!.at < minuteEnd) {
          const c = changes[next++]!;
          clock.t = start + day * DAY + c.at;
          const [fault, reason] = FAULTS[Math.floor(random() * FAULTS.length)]!;
          const wasLive = live.has(c.cameraId);
          if (wasLive) live.delete(c.cameraId);
          else live.add(c.cameraId);
          const record = wasLive
            ? { at: clock.t, cameraId: c.cameraId, state: fault, reason }
            : { at: clock.t, cameraId: c.cameraId, state: 'live' as const };
          if (log.append(record)) written += 1;
        }
        clock.t = minuteEnd;
        log.tick();
      }
    }
    log.close();
    const segments = listSegments(dir);
    const total = segments.reduce((sum, s) => sum + s.size, 0);
    expect(written).toBeGreaterThan(170_000);
    expect(segments).toHaveLength(13); // the last tick, at midnight on 1 January, opens 2026-01
    expect(total).toBeLessThan(8 * 1024 * 1024);
    console.info(`year: ${written} changes, ${total} bytes on disk`);

    const again = HealthLog.open({ dir, now: () => start + 366 * DAY });
    const oneDay = again.read(start + 200 * DAY, start + 201 * DAY);
    again.close();
    expect(oneDay.initial).toHaveLength(25);
    expect(oneDay.records.length).toBeGreaterThan(400);
  });
});
