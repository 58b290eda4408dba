import { afterEach, describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';
import { exportHealthCsv } from '../../../../electron/services/health/health-export';
import { TestClock, tempDir } from '../../health/log/helpers';

// Monday 30 November 2026 in Hà Nội (UTC+7): hours 07:00-11:30 and 13:30-17:00.
const local = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 7, mm);
const logs: HealthLog[] = [];
afterEach(() => logs.splice(0).forEach((log) => log.close()));

describe('exportHealthCsv', () => {
  it('writes the outage and the centre’s day as Excel reads them, with Vietnamese names intact', () => {
    const clock = new TestClock(local(6));
    const log = HealthLog.open({ dir: tempDir(), now: clock.now });
    logs.push(log);
    const set = (state: 'live' | 'unreachable', at: number, reason?: string) => {
      clock.t = at;
      log.append({ at, cameraId: 'doai-1', state, ...(reason ? { reason } : {}) });
    };
    set('live', local(7));
    set('unreachable', local(9), 'connection-refused');
    set('live', local(10));
    const csv = exportHealthCsv(log, {
      sites: [{ id: 'cam-doai', name: 'Xã Cẩm Đoài' }],
      cameras: [{ id: 'doai-1', siteId: 'cam-doai', name: 'Quầy 1', availability: 'installed' }],
      schedule: defaultSchedule('Asia/Ho_Chi_Minh'),
      first: '2026-11-30',
      last: '2026-11-30',
      locale: 'vi',
      now: local(12),
    });
    if ('error' in csv) throw new Error(csv.error);
    const rows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
    expect(csv.outages.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv.outages)[1]).toBe(
      'Xã Cẩm Đoài,Quầy 1,2026-11-30 09:00,2026-11-30 10:00,60,Không kết nối được tới camera,connection-refused',
    );
    // 07:00-11:30 until noon: 4.5 h of office time, 1 h of it without picture.
    expect(rows(csv.daily)[1]).toBe('2026-11-30,Xã Cẩm Đoài,77.8,270,60,0');
  });

  it('refuses a range that is not two ordered dates', () => {
    const log = HealthLog.open({ dir: tempDir(), now: () => local(6) });
    logs.push(log);
    const base = {
      sites: [],
      cameras: [],
      schedule: defaultSchedule('UTC'),
      locale: 'en' as const,
    };
    expect(
      exportHealthCsv(log, { ...base, first: '2026-12-01', last: '2026-11-30', now: 0 }),
    ).toEqual({
      error: 'The range must be two dates, YYYY-MM-DD, the first not after the last.',
    });
  });
});
