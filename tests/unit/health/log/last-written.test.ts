import { describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { TestClock, tempDir } from './helpers';

describe('HealthLog.lastWrittenBeforeOpen', () => {
  it('is null for a new log and the previous run’s last write after a restart', () => {
    const dir = tempDir();
    const clock = new TestClock(Date.UTC(2026, 11, 1, 2));
    const first = HealthLog.open({ dir, now: clock.now });
    expect(first.lastWrittenBeforeOpen()).toBeNull();
    clock.t += 60_000;
    first.append({ at: clock.t, cameraId: 'cam-1', state: 'live' });
    clock.t += 60_000;
    const closedAt = clock.t;
    first.close();
    clock.t += 3_600_000;
    const second = HealthLog.open({ dir, now: clock.now });
    expect(second.lastWrittenBeforeOpen()).toBe(closedAt);
    second.close();
  });
});
