import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { APP_ID, INFERRED_STOP_REASON } from '../../../../electron/health/log/health-record';
import { listSegments } from '../../../../electron/health/log/segment-files';
import { replaySegment } from '../../../../electron/health/log/segment-replay';
import { cameraRecords, crashImage, MINUTE, tempDir, TestClock } from './helpers';

const JAN_1 = Date.UTC(2026, 0, 1, 1, 0);

describe('HealthLog', () => {
  it('round-trips records, Vietnamese text included, between app-started and app-stopped', () => {
    const dir = tempDir();
    const clock = new TestClock(JAN_1);
    const log = HealthLog.open({ dir, now: clock.now });
    const written = [
      { at: clock.advance(MINUTE), cameraId: 'cam-1', state: 'live' as const },
      {
        at: clock.advance(MINUTE),
        cameraId: 'Quầy tiếp nhận hồ sơ',
        state: 'unreachable' as const,
        reason: 'Không kết nối được máy chủ',
      },
      {
        at: clock.advance(MINUTE),
        cameraId: 'cam-1',
        state: 'auth-failed' as const,
        reason: '401',
      },
    ];
    for (const r of written) expect(log.append(r)).toBe(true);
    expect(log.append({ ...written[2]!, at: clock.advance(MINUTE) })).toBe(false); // no change
    log.close();

    const again = HealthLog.open({ dir, now: clock.now });
    const { records } = again.read(JAN_1, clock.advance(MINUTE));
    again.close();
    expect(cameraRecords(records)).toEqual(written);
    expect(records.map((r) => r.state)).toEqual([
      'app-started',
      'live',
      'unreachable',
      'auth-failed',
      'app-stopped',
      'app-started',
    ]);
  });

  it('gives every camera’s state at `from` and only the records inside [from, to)', () => {
    const dir = tempDir();
    const clock = new TestClock(JAN_1);
    const log = HealthLog.open({ dir, now: clock.now });
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'live' });
    log.append({ at: clock.advance(MINUTE), cameraId: 'b', state: 'stale', reason: 'no frames' });
    const from = clock.advance(MINUTE);
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'no-media' });
    const to = clock.advance(MINUTE);
    log.append({ at: to, cameraId: 'b', state: 'live' });
    const result = log.read(from, to);
    log.close();
    expect(result.appRunningAtFrom).toBe(true);
    expect(result.initial).toEqual([
      { cameraId: 'a', state: 'live', since: JAN_1 + MINUTE },
      { cameraId: 'b', state: 'stale', since: JAN_1 + 2 * MINUTE, reason: 'no frames' },
    ]);
    expect(result.records).toEqual([{ at: from + MINUTE, cameraId: 'a', state: 'no-media' }]);
  });

  it('after a crash infers the stop at the last heartbeat', () => {
    const dir = tempDir();
    const clock = new TestClock(JAN_1);
    const log = HealthLog.open({ dir, now: clock.now, heartbeatMs: 5 * MINUTE });
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'live' });
    clock.advance(4 * MINUTE);
    log.tick(); // 4 minutes since the last record: no heartbeat yet
    const lastSign = clock.advance(2 * MINUTE);
    log.tick();
    const crashed = crashImage(dir);
    log.close();

    clock.advance(60 * MINUTE);
    const after = HealthLog.open({ dir: crashed, now: clock.now });
    const { records } = after.read(JAN_1, clock.advance(1));
    after.close();
    const app = records.filter((r) => r.cameraId === APP_ID);
    expect(app).toEqual([
      { at: JAN_1, cameraId: APP_ID, state: 'app-started' },
      {
        at: lastSign,
        cameraId: APP_ID,
        state: 'app-stopped',
        reason: INFERRED_STOP_REASON,
        inferred: true,
      },
      { at: clock.t - 1, cameraId: APP_ID, state: 'app-started' },
    ]);
  });

  it('refuses a second open of the same directory in one process, and reopens after close', () => {
    const dir = tempDir();
    const clock = new TestClock(JAN_1);
    const log = HealthLog.open({ dir, now: clock.now });
    expect(() => HealthLog.open({ dir: join(dir, '.'), now: clock.now })).toThrow(/already open/);
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'live' });
    log.close();
    const again = HealthLog.open({ dir, now: clock.now });
    expect(cameraRecords(again.read(JAN_1, clock.advance(1)).records)).toHaveLength(1);
    again.close();
  });

  it('rejects app states and unknown states from append', () => {
    const log = HealthLog.open({ dir: tempDir(), now: () => JAN_1 });
    expect(() => log.append({ at: JAN_1, cameraId: 'a', state: 'app-stopped' })).toThrow();
    // @ts-expect-error: a state outside the union, as untyped IPC could send
    expect(() => log.append({ at: JAN_1, cameraId: 'a', state: 'on-fire' })).toThrow();
    log.close();
  });
});

describe('HealthLog segments', () => {
  it('rotates monthly; each segment starts with a snapshot and is readable alone', () => {
    const dir = tempDir();
    const clock = new TestClock(Date.UTC(2026, 0, 31, 22, 0));
    const log = HealthLog.open({ dir, now: clock.now });
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'live' });
    const bSince = clock.advance(MINUTE);
    log.append({ at: bSince, cameraId: 'b', state: 'unreachable', reason: 'timeout' });
    clock.t = Date.UTC(2026, 1, 1, 3, 0);
    log.append({ at: clock.t, cameraId: 'a', state: 'stale' });
    log.close();

    const segments = listSegments(dir);
    expect(segments.map((s) => s.key)).toEqual(['2026-01', '2026-02']);
    const feb = replaySegment(readFileSync(segments[1]!.path));
    expect(feb.complete).toBe(true);
    expect(feb.snapshot).toContainEqual({
      cameraId: 'b',
      state: 'unreachable',
      since: bSince,
      reason: 'timeout',
    });

    unlinkSync(segments[0]!.path); // February must not need January
    const again = HealthLog.open({ dir, now: () => Date.UTC(2026, 1, 2) });
    const result = again.read(Date.UTC(2026, 1, 1, 12, 0), Date.UTC(2026, 1, 2));
    again.close();
    expect(result.initial).toEqual([
      { cameraId: 'a', state: 'stale', since: Date.UTC(2026, 1, 1, 3, 0) },
      { cameraId: 'b', state: 'unreachable', since: bSince, reason: 'timeout' },
    ]);
  });

  it('deletes the oldest segments beyond the byte cap, never the current one', () => {
    const dir = tempDir();
    const clock = new TestClock(Date.UTC(2024, 0, 1));
    // fsync policy is not under test here; a huge interval keeps 1,440 writes fast.
    const log = HealthLog.open({ dir, now: clock.now, maxBytes: 4_000, fsyncMs: 1e15 });
    for (let month = 0; month < 24; month += 1) {
      clock.t = Date.UTC(2024, month, 1);
      for (let i = 0; i < 30; i += 1) {
        log.append({ at: clock.advance(MINUTE), cameraId: `cam-${i % 5}`, state: 'live' });
        log.append({ at: clock.advance(MINUTE), cameraId: `cam-${i % 5}`, state: 'stale' });
      }
    }
    log.close();
    const segments = listSegments(dir);
    const total = segments.reduce((sum, s) => sum + s.size, 0);
    expect(total).toBeLessThanOrEqual(4_000 + segments.at(-1)!.size);
    expect(segments.at(-1)!.key).toBe('2025-12');
    expect(segments.length).toBeLessThan(24);
    expect(existsSync(join(dir, 'health-2024-01.log'))).toBe(false);
  });
});
