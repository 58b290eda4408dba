// Vietnamese, the default. One wording per state (UI.md); keep them short and plain.
import type { Dictionary } from './message-keys';

export const vi: Dictionary = {
  'state.connecting': 'Đang kết nối…',
  'state.live': 'Trực tiếp',
  'state.stalled': 'Mất tín hiệu · khung hình cuối {time}',
  'state.stalledNoFrame': 'Mất tín hiệu',
  'state.noMedia': 'Máy chủ không gửi hình',
  'state.authFailed': 'Sai tên đăng nhập hoặc mật khẩu',
  'state.unreachable': 'Không kết nối được tới camera',
  'state.notFound': 'Không tìm thấy luồng video trên máy chủ',
  'state.unsupportedCodec': 'Màn hình này không giải mã được H.265 — hãy chọn luồng phụ H.264',
  'state.notInstalled': 'Chưa lắp camera',
  'state.disabled': 'Đã tắt',
  'state.empty': 'Chưa chọn camera',
  'state.error': 'Không phát được hình',
  'state.unknownCamera': 'Camera không có trong cấu hình',
  'retry.in': 'Thử lại sau {seconds} giây',
  'retry.inMinutes': 'Thử lại sau {minutes} phút',
  'retry.now': 'Đang thử lại…',
  'ago.seconds': '{count} giây trước',
  'ago.minutes': '{count} phút trước',
  'ago.hours': '{count} giờ trước',
  'ago.days': '{count} ngày trước',
  'banner.oneSiteDown': '1 điểm không có hình',
  'banner.sitesDown': '{count} điểm không có hình',
  'app.loading': 'Đang tải cấu hình…',
  'app.loadFailed': 'Không tải được cấu hình: {error}. Đang thử lại…',
  'app.noApi':
    'Thiếu khoá truy cập trong địa chỉ (#key=…). Hãy mở đúng địa chỉ mà máy chủ xem trước đã in ra.',
  'action.failed': 'Không thực hiện được: {error}',
};
