import { describe, expect, it } from 'vitest';
import { cameraAvailability } from '../../../../electron/health/availability/camera-availability';
import { centreAvailability } from '../../../../electron/health/availability/centre-availability';
import type { CameraStateRecord } from '../../../../electron/health/availability/availability-model';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';

const MIN = 60_000;
const HOUR = 60 * MIN;
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const VN = defaultSchedule('Asia/Ho_Chi_Minh');
const rec = (iso: string, state: CameraStateRecord['state']): CameraStateRecord => ({
  at: vn(`2025-06-02T${iso}`),
  state,
});
const monday = { from: vn('2025-06-02T00:00:00'), to: vn('2025-06-03T00:00:00') };
const report = (records: CameraStateRecord[], now: number) =>
  cameraAvailability(records, VN, monday, now);

describe('centreAvailability', () => {
  it('weights by counted time and measures when all cameras were down at once', () => {
    const now = vn('2025-06-03T00:00:00');
    const a = report(
      [rec('06:00:00', 'live'), rec('09:00:00', 'unreachable'), rec('10:00:00', 'live')],
      now,
    );
    const b = report(
      [rec('06:00:00', 'live'), rec('09:30:00', 'unreachable'), rec('11:00:00', 'live')],
      now,
    );
    expect(centreAvailability([a, b])).toEqual({
      availability: 13.5 / 16,
      upMs: 13.5 * HOUR,
      countedMs: 16 * HOUR,
      down: false,
      downSince: null,
      allDownMs: 30 * MIN,
    });
  });

  it('a camera disabled most of the day weighs only for the time it was in service', () => {
    const now = vn('2025-06-03T00:00:00');
    const good = report([rec('06:00:00', 'live')], now);
    const mostlyDisabled = report(
      [rec('06:00:00', 'unreachable'), rec('08:00:00', 'disabled')],
      now,
    );
    // 8 h up of 8 h, and 0 of 1 h: 8/9, not the office-time-weighted (1 + 0) / 2.
    expect(centreAvailability([good, mostlyDisabled]).availability).toBe(8 / 9);
  });

  it('is down when every camera in service is down, since the last of them went down', () => {
    const now = vn('2025-06-02T16:45:00');
    const a = report([rec('06:00:00', 'live'), rec('16:00:00', 'unreachable')], now);
    const b = report([rec('06:00:00', 'live'), rec('16:30:00', 'no-media')], now);
    const off = report([rec('06:00:00', 'disabled')], now);
    expect(centreAvailability([a, b, off])).toMatchObject({
      down: true,
      downSince: vn('2025-06-02T16:30:00'),
    });
    const c = report([rec('06:00:00', 'live')], now);
    expect(centreAvailability([a, b, c]).down).toBe(false);
    expect(centreAvailability([off]).down).toBe(false);
    expect(centreAvailability([])).toMatchObject({ availability: null, down: false, allDownMs: 0 });
  });
});
