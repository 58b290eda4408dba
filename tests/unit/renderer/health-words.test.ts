import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatShare,
  formatSince,
  fullDateTime,
  healthStateWords,
} from '../../../renderer/src/health/health-words';
import { translate } from '../../../renderer/src/i18n/translate';

const ZONE = 'Asia/Ho_Chi_Minh';
// Monday 30 November 2026, 14:05 in Hà Nội.
const NOW = Date.UTC(2026, 10, 30, 7, 5);
const MIN = 60_000;

describe('the status view’s words', () => {
  it('names each health-log state with the tile’s own words and tone', () => {
    expect(healthStateWords('no-media', 'vi')).toEqual({
      text: translate('vi', 'state.noMedia'),
      tone: 'alarm',
    });
    expect(healthStateWords('stale', 'en')).toEqual({
      text: translate('en', 'state.stalled'),
      tone: 'alarm',
    });
    expect(healthStateWords('live', 'vi').tone).toBe('ok');
    expect(healthStateWords('connecting', 'vi').tone).toBe('warn');
    expect(healthStateWords('disabled', 'vi')).toEqual({
      text: translate('vi', 'state.disabled'),
      tone: 'calm',
    });
    expect(healthStateWords('unwatched', 'vi')).toEqual({
      text: 'Không hiển thị trên màn hình',
      tone: 'calm',
    });
    expect(healthStateWords(null, 'en')).toEqual({ text: 'No record yet', tone: 'calm' });
    expect(healthStateWords('something-new', 'vi').tone).toBe('calm');
  });

  it('says durations in minutes from 60 s on, seconds only for an outage that ended', () => {
    expect(formatDuration(59_999, 'vi')).toBe('vừa xong');
    expect(formatDuration(42_400, 'vi', 'seconds')).toBe('42 giây');
    expect(formatDuration(3 * MIN + 59_000, 'vi')).toBe('3 phút');
    expect(formatDuration(125 * MIN, 'vi')).toBe('2 giờ 5 phút');
    expect(formatDuration(125 * MIN, 'en')).toBe('2 hours 5 min');
    expect(formatDuration(42_400, 'en', 'seconds')).toBe('42 s');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN, 'vi')).toBe('3 ngày 4 giờ');
    expect(formatDuration(-5_000, 'en')).toBe('just now');
  });

  it('says since when in the centre’s zone, with the day before today', () => {
    expect(formatSince(NOW - 63 * MIN, NOW, ZONE, 'vi')).toBe('từ 13:02');
    expect(formatSince(Date.UTC(2026, 10, 28, 7, 2), NOW, ZONE, 'vi')).toBe('từ 14:02 ngày 28/11');
    expect(formatSince(Date.UTC(2026, 10, 28, 7, 2), NOW, ZONE, 'en')).toBe('since 14:02 on 28/11');
    // 23:30 UTC on the 29th is already the 30th in Hà Nội.
    expect(formatSince(Date.UTC(2026, 10, 29, 23, 30), NOW, ZONE, 'vi')).toBe('từ 06:30');
    expect(fullDateTime(NOW, ZONE)).toBe('14:05 30/11/2026');
  });

  it('writes shares the way each language does, and nothing counted as a dash', () => {
    expect(formatShare(0.975, 'vi')).toBe('97,5%');
    expect(formatShare(0.975, 'en')).toBe('97.5%');
    expect(formatShare(1, 'vi')).toBe('100%');
    expect(formatShare(null, 'vi')).toBe('—');
  });
});
