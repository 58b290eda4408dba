// The two tables IT exports for a date range: outages and daily availability per centre.
// Rows arrive already computed (availability is worked out elsewhere); this only formats.
import type { HealthState } from '../log/health-record';
import { toCsv, type CsvCell } from './csv-encode';
import { localDateTime } from './local-time';

export type CsvLocale = 'vi' | 'en';

export interface OutageRow {
  centre: string;
  camera: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; null while the outage is still going on at the end of the range. */
  end: number | null;
  state: HealthState;
  /** Free text from the camera or the app, e.g. the error message. */
  cause?: string;
}

export interface DailyAvailabilityRow {
  /** 'YYYY-MM-DD' in the centre's zone, as the availability computation counted the day. */
  date: string;
  centre: string;
  /** 0–100; written with one decimal. */
  percent: number;
  officeHoursMinutes: number;
  minutesWithoutPicture: number;
  minutesAppNotRunning: number;
}

export interface CsvOptions {
  /** IANA zone of the centres, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  locale?: CsvLocale;
}

const HEADERS = {
  vi: {
    outages: ['Trung tâm', 'Camera', 'Bắt đầu', 'Kết thúc', 'Số phút', 'Tình trạng', 'Nguyên nhân'],
    daily: [
      'Ngày',
      'Trung tâm',
      'Tỷ lệ có hình (%)',
      'Số phút trong giờ làm việc',
      'Số phút không có hình',
      'Số phút ứng dụng không chạy',
    ],
  },
  en: {
    outages: ['Centre', 'Camera', 'Start', 'End', 'Minutes', 'State', 'Cause'],
    daily: [
      'Date',
      'Centre',
      'Availability (%)',
      'Office-hours minutes',
      'Minutes without picture',
      'Minutes app not running',
    ],
  },
} as const;

// The wall's own words for each state (the tile's headlines), so a report reads like the wall.
const VI_STATES: Record<HealthState, string> = {
  live: 'Có hình',
  stale: 'Mất tín hiệu',
  'no-media': 'Không nhận được hình',
  'auth-failed': 'Không đăng nhập được camera',
  unreachable: 'Không kết nối được tới camera',
  damaged: 'Hình bị lỗi',
  unstable: 'Tín hiệu chập chờn',
  disabled: 'Tạm ngừng theo dõi',
  'outside-hours': 'Ngoài giờ làm việc',
  'app-started': 'Ứng dụng khởi động',
  'app-stopped': 'Ứng dụng không chạy',
  connecting: 'Đang kết nối',
  'not-found': 'Không tìm thấy luồng hình',
  'unsupported-codec': 'Không phát được hình H.265',
  error: 'Không phát được hình',
  unwatched: 'Không hiển thị trên màn hình',
};

/** Start/end as 'YYYY-MM-DD HH:mm' in one cell: an outage may cross midnight. */
export function outagesCsv(rows: OutageRow[], options: CsvOptions): string {
  const locale = options.locale ?? 'vi';
  const body = rows.map((r): CsvCell[] => [
    r.centre,
    r.camera,
    localDateTime(r.start, options.timeZone),
    r.end === null ? null : localDateTime(r.end, options.timeZone),
    r.end === null ? null : Math.round((r.end - r.start) / 60_000),
    locale === 'vi' ? VI_STATES[r.state] : r.state,
    r.cause ?? null,
  ]);
  return toCsv([...HEADERS[locale].outages], body);
}

export function dailyAvailabilityCsv(
  rows: DailyAvailabilityRow[],
  options: { locale?: CsvLocale } = {},
): string {
  const locale = options.locale ?? 'vi';
  const body = rows.map((r): CsvCell[] => [
    r.date,
    r.centre,
    r.percent.toFixed(1),
    Math.round(r.officeHoursMinutes),
    Math.round(r.minutesWithoutPicture),
    Math.round(r.minutesAppNotRunning),
  ]);
  return toCsv([...HEADERS[locale].daily], body);
}
