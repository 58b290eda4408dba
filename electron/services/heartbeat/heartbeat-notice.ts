// The status line's words when beats keep failing: calm (the wall itself is fine), in both
// languages, with since when in the wall's time zone ("từ 14:02", before today "từ 14:02
// ngày 28/11") and how many beats in a row. The cause (which server, which HTTP answer) is for
// IT and goes to the log, not across the room.
import type { SettingsNotice } from '../../contract/settings-view';
import { formatLocalDate, localParts } from '../../schedule/zoned-time';
import type { HeartbeatTrouble } from './heartbeat-runner';

export function heartbeatNotice(
  trouble: HeartbeatTrouble,
  now: number,
  timeZone: string,
): SettingsNotice {
  const since = localParts(trouble.since, timeZone);
  const today = localParts(now, timeZone).day;
  const minutes = Math.floor(since.msOfDay / 60_000);
  const clock = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  const date = formatLocalDate(since.day);
  const dayMonth = `${date.slice(8, 10)}/${date.slice(5, 7)}`;
  const vi = since.day === today ? clock : `${clock} ngày ${dayMonth}`;
  const en = since.day === today ? clock : `${clock} on ${dayMonth}`;
  const n = trouble.failures;
  return {
    id: 'heartbeat-failing',
    severity: 'warning',
    message: {
      vi: `Không gửi được báo cáo tình trạng cho CNTT từ ${vi} (${n} lần liền). Máy vẫn chạy bình thường; chi tiết trong nhật ký.`,
      en: `Health report to IT not delivered since ${en} (${n} ${n === 1 ? 'try' : 'tries'} in a row). The wall keeps running; details in the log.`,
    },
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
