// What the status line says about IT's signed configuration bundles, in both languages. The
// English carries the poller's sentence for IT (what to do next); the Vietnamese says the same
// in plain words for staff, without splicing library text into it. "Nothing new" and "no
// bundle on the stick" change nothing on screen: the last outcome stays until another one.
import type { SettingsNotice } from '../contract/settings-view';
import type { ProvisioningStatus } from '../provisioning/provisioning-poller';
import type { PrepareRefusal } from '../provisioning/prepare-bundle';

const WHY_VI: Record<PrepareRefusal, string> = {
  malformed: 'tệp không đọc được (bị cắt ngang hoặc hỏng)',
  'not-a-bundle': 'tệp không phải gói cấu hình của One-Stop Wall',
  'unknown-key': 'gói được ký bằng khoá mà máy này không tin cậy',
  'bad-signature': 'chữ ký không khớp, tệp đã bị sửa hoặc hỏng sau khi ký',
  expired: 'gói đã hết hạn',
  'not-yet-valid': 'gói ghi ngày trong tương lai (kiểm tra đồng hồ của máy)',
  replayed: 'gói không mới hơn gói đã áp dụng (gói cũ hoặc bị gửi lại)',
  'wrong-fleet': 'gói dành cho nhóm máy khác',
  'manages-nothing': 'gói không thay phần nào của cấu hình',
  'unknown-part': 'gói có phần mà tường này không quản lý',
  'wrong-fleet-key': 'khoá nhóm máy trên máy này không mở được mật khẩu trong gói',
  'invalid-config': 'cấu hình trong gói không hợp lệ',
};

const number = (s: ProvisioningStatus) => (s.sequence !== undefined ? ` số ${s.sequence}` : '');

/** The notice for one poll's outcome; undefined when the status line should stay as it is. */
export function provisioningNotice(status: ProvisioningStatus): SettingsNotice | undefined {
  const notice = (severity: SettingsNotice['severity'], en: string, vi: string) => ({
    id: 'provisioning' as const,
    severity,
    message: { en, vi },
  });
  switch (status.outcome) {
    case 'up-to-date':
    case 'no-bundle':
      return undefined;
    case 'applied':
      return notice(
        'info',
        `Configuration ${status.message}.`,
        `Đã áp dụng gói cấu hình${number(status)} của bộ phận CNTT.`,
      );
    case 'refused':
      return notice(
        'warning',
        `IT's configuration bundle was refused; the wall keeps its configuration. ${status.message.replace(/^bundle refused: /, '')}`,
        `Đã từ chối gói cấu hình${number(status)}: ${WHY_VI[status.refusal ?? 'malformed']}. Tường vẫn chạy cấu hình hiện tại. Báo bộ phận CNTT.`,
      );
    case 'rolled-back':
      return notice(
        'warning',
        `Configuration ${status.message}.`,
        `Gói cấu hình${number(status)} không chạy được; tường đã quay lại cấu hình trước. Báo bộ phận CNTT.`,
      );
    case 'rollback-failed':
      return notice(
        'error',
        `Configuration ${status.message}`,
        `Gói cấu hình${number(status)} không chạy được và không quay lại được cấu hình trước. Hãy khởi động lại tường.`,
      );
    case 'source-error':
      return notice(
        'warning',
        `IT's configuration bundle could not be read; the wall keeps its configuration and tries again. ${capital(status.message)}.`,
        'Chưa đọc được gói cấu hình của bộ phận CNTT; tường vẫn chạy cấu hình hiện tại và sẽ thử lại.',
      );
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
