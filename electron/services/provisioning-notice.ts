// What the status line says about IT's signed configuration bundles, in both languages and in
// plain words (no library text spliced in). "Nothing new" and "no bundle on the stick" change
// nothing on screen: the last outcome stays until another one.
import type { SettingsNotice } from '../contract/settings-view';
import type { ProvisioningStatus } from '../provisioning/provisioning-poller';
import type { PrepareRefusal } from '../provisioning/prepare-bundle';

// One line each on the status line: what happened, that the wall goes on, whom to tell. IT's
// full sentence (what to do next) is in the log.
const WHY: Record<PrepareRefusal, { en: string; vi: string }> = {
  malformed: { en: 'the file is damaged or incomplete', vi: 'tệp hỏng hoặc thiếu' },
  'not-a-bundle': {
    en: 'the file is not a configuration bundle',
    vi: 'tệp không phải gói cấu hình',
  },
  'unknown-key': {
    en: 'signed with a key this PC does not trust',
    vi: 'ký bằng khoá máy này không tin cậy',
  },
  'bad-signature': {
    en: 'the signature does not match, the file was changed or damaged',
    vi: 'sai chữ ký (tệp bị sửa hoặc hỏng)',
  },
  expired: { en: 'it has expired', vi: 'gói đã hết hạn' },
  'not-yet-valid': {
    en: "it is dated in the future (check this PC's clock)",
    vi: 'gói ghi ngày tương lai, xem đồng hồ',
  },
  replayed: {
    en: 'it is not newer than the bundle applied (old or replayed)',
    vi: 'gói cũ hoặc bị gửi lại',
  },
  'wrong-fleet': { en: 'it is for another fleet', vi: 'gói của nhóm máy khác' },
  'manages-nothing': { en: 'it changes nothing', vi: 'gói không thay đổi gì' },
  'unknown-part': {
    en: 'it holds parts this wall does not manage',
    vi: 'gói có phần mà máy không quản lý',
  },
  'wrong-fleet-key': {
    en: "this PC's fleet key cannot open its passwords",
    vi: 'khoá nhóm máy không mở được mật khẩu',
  },
  'invalid-config': { en: 'its configuration is not valid', vi: 'cấu hình trong gói không hợp lệ' },
};

/** " 7" in English, " số 7" in Vietnamese; nothing before the signature holds. */
const no = (s: ProvisioningStatus, word = '') =>
  s.sequence === undefined ? '' : ` ${word}${word ? ' ' : ''}${s.sequence}`;

/** The notice for one poll's outcome; undefined when the status line should stay as it is. */
export function provisioningNotice(status: ProvisioningStatus): SettingsNotice | undefined {
  const notice = (severity: SettingsNotice['severity'], en: string, vi: string) => ({
    id: 'provisioning' as const,
    severity,
    message: { en, vi },
  });
  const en = no(status);
  const vi = no(status, 'số');
  switch (status.outcome) {
    case 'up-to-date':
    case 'no-bundle':
      return undefined;
    case 'applied':
      return notice(
        'info',
        `Configuration bundle${en} from IT applied.`,
        `Đã áp dụng gói cấu hình${vi} của bộ phận CNTT.`,
      );
    case 'refused': {
      const why = WHY[status.refusal ?? 'malformed'];
      return notice(
        'warning',
        `Configuration bundle${en} refused: ${why.en}. The wall keeps its configuration; tell IT.`,
        `Từ chối gói cấu hình${vi}: ${why.vi}. Máy giữ cấu hình cũ, báo CNTT.`,
      );
    }
    case 'rolled-back':
      return notice(
        'warning',
        `Configuration bundle${en} could not start; the wall went back to its configuration. Tell IT.`,
        `Gói cấu hình${vi} không chạy được; máy đã quay lại cấu hình trước, báo CNTT.`,
      );
    case 'rollback-failed':
      return notice(
        'error',
        `Configuration bundle${en} could not start, nor could the previous one. Restart the wall.`,
        `Gói cấu hình${vi} không chạy được, cấu hình trước cũng vậy. Hãy khởi động lại phần mềm.`,
      );
    case 'source-error':
      return notice(
        'warning',
        "Could not read IT's configuration bundle; the wall keeps its configuration and tries again.",
        'Chưa đọc được gói cấu hình; máy giữ cấu hình hiện tại và sẽ thử lại.',
      );
  }
}
