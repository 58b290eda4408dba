// A power cut can stop a write at any byte; a failing disk can flip one. Either way the
// records before the damage must survive and new appends must be readable after a reopen.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import type { HealthRecord } from '../../../../electron/health/log/health-record';
import { listSegments } from '../../../../electron/health/log/segment-files';
import { replaySegment } from '../../../../electron/health/log/segment-replay';
import { cameraRecords, crashImage, MINUTE, tempDir, TestClock } from './helpers';

const START = Date.UTC(2026, 2, 10, 1, 0);

/** Writes five records; returns the byte range each one's write occupied. */
function writeFive(dir: string, clock: TestClock) {
  const log = HealthLog.open({ dir, now: clock.now });
  const path = listSegments(dir)[0]!.path;
  const records: HealthRecord[] = [
    { at: 0, cameraId: 'cam-a', state: 'live' },
    { at: 0, cameraId: 'cam-b', state: 'unreachable', reason: 'timeout' },
    { at: 0, cameraId: 'cam-a', state: 'unreachable', reason: 'timeout' }, // known names only
    { at: 0, cameraId: 'cam-b', state: 'live' },
    { at: 0, cameraId: 'Cổng chính', state: 'auth-failed', reason: 'Sai mật khẩu' }, // new names
  ];
  const ranges: Array<[number, number]> = [];
  for (const r of records) {
    r.at = clock.advance(MINUTE);
    const before = statSync(path).size;
    log.append(r);
    ranges.push([before, statSync(path).size]);
  }
  const image = readFileSync(path);
  log.close();
  return { records, ranges, image, name: path.slice(dir.length) };
}

function reopenAndAppend(dir: string, clock: TestClock) {
  const log = HealthLog.open({ dir, now: clock.now });
  const extra: HealthRecord = { at: clock.advance(MINUTE), cameraId: 'Cổng chính', state: 'live' };
  log.append(extra);
  log.close();
  const reader = HealthLog.open({ dir, now: clock.now });
  const { records } = reader.read(START, clock.advance(MINUTE));
  reader.close();
  const file = listSegments(dir)[0]!.path;
  return { extra, records: cameraRecords(records), file };
}

describe('health log crash safety', () => {
  it('a last record torn at every byte offset is skipped; earlier ones and new ones read back', () => {
    const clock = new TestClock(START);
    const original = writeFive(tempDir(), clock);
    const [start, end] = original.ranges[4]!;
    expect(end - start).toBeGreaterThan(20);
    for (let cut = start; cut < end; cut += 1) {
      const dir = tempDir();
      writeFileSync(dir + original.name, original.image.subarray(0, cut));
      const { extra, records, file } = reopenAndAppend(dir, clock);
      expect(records).toEqual([...original.records.slice(0, 4), extra]);
      // The torn bytes were cut off at open, not left for the new record to glue onto.
      expect(replaySegment(readFileSync(file)).skippedBytes).toBe(0);
    }
  });

  it('a middle record with any byte flipped is skipped; the records after it survive', () => {
    const clock = new TestClock(START);
    const original = writeFive(tempDir(), clock);
    const [start, end] = original.ranges[2]!;
    for (let i = start; i < end; i += 1) {
      const dir = tempDir();
      const damaged = Buffer.from(original.image);
      damaged[i]! ^= 0x5a;
      writeFileSync(dir + original.name, damaged);
      const { extra, records } = reopenAndAppend(dir, clock);
      expect(records).toEqual([
        ...original.records.slice(0, 2),
        ...original.records.slice(3),
        extra,
      ]);
    }
  });

  it('a crash image taken mid-session (no app-stopped) reopens and keeps appending', () => {
    const dir = tempDir();
    const clock = new TestClock(START);
    const log = HealthLog.open({ dir, now: clock.now });
    log.append({ at: clock.advance(MINUTE), cameraId: 'a', state: 'live' });
    const crashed = crashImage(dir);
    log.close();
    const { records } = reopenAndAppend(crashed, clock);
    expect(records.map((r) => r.cameraId)).toEqual(['a', 'Cổng chính']);
  });
});
