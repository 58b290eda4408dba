// The beat's body from a real health log read by the status view's own summary: each centre's
// cameras with their state word and since when, which have a picture, the centres IT cannot
// see, the office hours, and the PC's facts. And the status line's words when beats fail.
import { afterEach, describe, expect, it } from 'vitest';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';
import { healthSummary } from '../../../../electron/services/health/health-summary';
import { heartbeatBody } from '../../../../electron/services/heartbeat/heartbeat-body';
import { heartbeatNotice } from '../../../../electron/services/heartbeat/heartbeat-notice';
import { TestClock, tempDir } from '../../health/log/helpers';

// Monday 30 November 2026 in Hà Nội (UTC+7).
const local = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 7, mm);
const ZONE = 'Asia/Ho_Chi_Minh';
const logs: HealthLog[] = [];
afterEach(() => logs.splice(0).forEach((log) => log.close()));

const facts = {
  wall: 'PC-CAM-GIANG',
  appVersion: '0.1.0',
  startedAt: local(6),
  pcUptimeSeconds: 7300.6,
  provisioningSequence: 12,
};

describe('heartbeat body', () => {
  it('says per centre which cameras show a picture, which not, and since when', () => {
    const clock = new TestClock(local(6));
    const log = HealthLog.open({ dir: tempDir(), now: clock.now });
    logs.push(log);
    const set = (cameraId: string, state: 'live' | 'auth-failed' | 'no-media', at: number) => {
      clock.t = at;
      log.append({ at, cameraId, state });
    };
    set('lai-cach-1', 'live', local(7));
    set('lai-cach-2', 'live', local(7));
    set('lai-cach-2', 'auth-failed', local(8, 15));
    set('cao-an-1', 'no-media', local(7, 30));
    clock.t = local(9);
    const summary = healthSummary(log, {
      sites: [{ id: 'lai-cach' }, { id: 'cao-an' }, { id: 'cam-vu' }],
      cameras: [
        { id: 'lai-cach-1', siteId: 'lai-cach', availability: 'installed' },
        { id: 'lai-cach-2', siteId: 'lai-cach', availability: 'installed' },
        { id: 'cao-an-1', siteId: 'cao-an', availability: 'installed' },
        { id: 'cam-vu-1', siteId: 'cam-vu', availability: 'not-installed' },
      ],
      schedule: defaultSchedule(ZONE),
      now: local(9),
    });
    const body = heartbeatBody({
      now: local(9),
      facts,
      summary,
      hours: {
        inHours: true,
        showing: true,
        overrideUntil: null,
        nextChange: local(11, 30),
        timeZone: ZONE,
      },
    });
    expect(body).toEqual({
      format: 'one-stop-wall-heartbeat',
      version: 1,
      wall: 'PC-CAM-GIANG',
      appVersion: '0.1.0',
      sentAt: '2026-11-30T02:00:00.000Z',
      uptimeSeconds: 3 * 3600,
      pcUptimeSeconds: 7300,
      officeHours: { inHours: true, showing: true, timeZone: ZONE },
      provisioningSequence: 12,
      healthRecord: true,
      totals: { centres: 3, centresDown: 1, cameras: 3, withPicture: 1 },
      centres: [
        {
          id: 'lai-cach',
          down: false,
          downSince: null,
          availabilityToday: expect.any(Number),
          cameras: [
            { id: 'lai-cach-1', state: 'live', picture: true, since: '2026-11-30T00:00:00.000Z' },
            {
              id: 'lai-cach-2',
              state: 'auth-failed',
              picture: false,
              since: '2026-11-30T01:15:00.000Z',
            },
          ],
        },
        // Never a picture since the wall started at 06:00: the status view's "since" is the
        // outage's start, not the first record's.
        {
          id: 'cao-an',
          down: true,
          downSince: '2026-11-29T23:00:00.000Z',
          availabilityToday: 0,
          cameras: [
            {
              id: 'cao-an-1',
              state: 'no-media',
              picture: false,
              since: '2026-11-29T23:00:00.000Z',
            },
          ],
        },
        // A centre whose camera is not installed yet: listed, nothing to see, not down.
        { id: 'cam-vu', down: false, downSince: null, availabilityToday: null, cameras: [] },
      ],
    });
  });

  it('still beats without a health record: the wall runs, the centres are unknown', () => {
    const body = heartbeatBody({ now: local(9), facts, summary: null, hours: null });
    expect(body).toMatchObject({
      healthRecord: false,
      centres: [],
      officeHours: null,
      totals: { centres: 0, centresDown: 0, cameras: 0, withPicture: 0 },
    });
  });
});

describe('heartbeat notice', () => {
  const trouble = (since: number) => ({ failures: 3, since, problem: 'HTTP 503' });

  it('says since when in the wall’s zone, in both languages, without the cause', () => {
    const notice = heartbeatNotice(trouble(local(14, 2)), local(14, 20), ZONE);
    expect(notice).toEqual({
      id: 'heartbeat-failing',
      severity: 'warning',
      message: {
        vi: 'Không gửi được báo cáo tình trạng cho CNTT từ 14:02 (3 lần liền). Máy vẫn chạy bình thường; chi tiết trong nhật ký.',
        en: 'Health report to IT not delivered since 14:02 (3 tries in a row). The wall keeps running; details in the log.',
      },
    });
  });

  it('gives the date when it began before today', () => {
    const notice = heartbeatNotice(trouble(local(14, 2) - 2 * 86_400_000), local(8), ZONE);
    expect(notice.message.vi).toContain('từ 14:02 ngày 28/11');
    expect(notice.message.en).toContain('since 14:02 on 28/11');
  });
});
