import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../../electron/health/csv/csv-encode';
import {
  dailyAvailabilityCsv,
  outagesCsv,
  type OutageRow,
} from '../../../../electron/health/csv/health-csv';
import { localDate, localTime } from '../../../../electron/health/csv/local-time';

/** A small RFC 4180 reader, independent of the writer, to prove what Excel would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  expect(field).toBe(''); // every line, the last included, ends with CRLF
  return rows;
}

const ZONE = 'Asia/Ho_Chi_Minh';
// 08:05 and 09:17 in Hồ Chí Minh (UTC+7).
const START = Date.UTC(2026, 2, 9, 1, 5);
const END = Date.UTC(2026, 2, 9, 2, 17);

describe('health CSV', () => {
  const outage: OutageRow = {
    centre: 'Trung tâm Phục vụ hành chính công phường Bến Nghé',
    camera: 'Quầy "tiếp nhận", số 1',
    start: START,
    end: END,
    state: 'unreachable',
    cause: 'Lỗi mạng\nthử lại sau',
  };

  it('starts with a BOM and ends every line with CRLF, no bare LF', () => {
    const csv = outagesCsv([outage], { timeZone: ZONE });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    // The only LF outside a CRLF is the one inside the quoted cause.
    expect(csv.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
  });

  it('round-trips Vietnamese text, quotes, commas and newlines through a UTF-8 file', () => {
    const bytes = Buffer.from(outagesCsv([outage], { timeZone: ZONE }), 'utf8');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toEqual([
      ['Trung tâm', 'Camera', 'Bắt đầu', 'Kết thúc', 'Số phút', 'Tình trạng', 'Nguyên nhân'],
      [
        outage.centre,
        outage.camera,
        '2026-03-09 08:05',
        '2026-03-09 09:17',
        '72',
        'Không kết nối được tới camera',
        'Lỗi mạng\nthử lại sau',
      ],
    ]);
  });

  it('leaves an ongoing outage’s end and minutes empty; English headers on request', () => {
    const rows = parseCsv(
      outagesCsv([{ ...outage, end: null }], { timeZone: ZONE, locale: 'en' }).slice(1),
    );
    expect(rows[0]).toEqual(['Centre', 'Camera', 'Start', 'End', 'Minutes', 'State', 'Cause']);
    expect(rows[1]!.slice(3, 6)).toEqual(['', '', 'unreachable']);
  });

  it('guards text that Excel would evaluate as a formula with a leading apostrophe', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(parseCsv(toCsv(['x'], [[evil]]).slice(1))[1]).toEqual([`'${evil}`]);
    }
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
    expect(csvCell('Cam 1')).toBe('Cam 1');
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  it('writes daily availability with one decimal and whole minutes', () => {
    const csv = dailyAvailabilityCsv([
      {
        date: '2026-03-09',
        centre: 'Phường Đa Kao',
        percent: 97.25,
        officeHoursMinutes: 480,
        minutesWithoutPicture: 13.2,
        minutesAppNotRunning: 0,
      },
    ]);
    expect(parseCsv(csv.slice(1))).toEqual([
      [
        'Ngày',
        'Trung tâm',
        'Tỷ lệ có hình (%)',
        'Số phút trong giờ làm việc',
        'Số phút không có hình',
        'Số phút ứng dụng không chạy',
      ],
      ['2026-03-09', 'Phường Đa Kao', '97.3', '480', '13', '0'],
    ]);
  });

  it('formats dates and 24-hour times in the given zone, not the PC’s', () => {
    const lateUtc = Date.UTC(2026, 0, 31, 18, 30); // 01:30 next day in UTC+7
    expect(localDate(lateUtc, ZONE)).toBe('2026-02-01');
    expect(localTime(lateUtc, ZONE)).toBe('01:30');
    expect(localTime(Date.UTC(2026, 0, 31, 17, 0), ZONE)).toBe('00:00');
    expect(() => localDate(lateUtc, 'Mars/Olympus')).toThrow(RangeError);
  });
});
