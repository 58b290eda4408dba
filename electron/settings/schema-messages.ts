// Every message the settings schema can give, in English (the configuration file's errors,
// for IT and the log) and Vietnamese (next to a field in the staff screens), with a stable
// code. Zod carries one string per issue: fixed messages are found again by their English
// text (they are registered here), and messages that name a value travel as custom issues
// whose params hold the code and the Vietnamese text.
import { LAYOUT_PRESETS } from '../contract/layout-presets';
import type { LocalText } from '../contract/settings-view';

export interface SchemaMessage {
  code: string;
  text: LocalText;
}

const FIXED = new Map<string, SchemaMessage>();

function fixed(code: string, en: string, vi: string): string {
  FIXED.set(en, { code, text: { en, vi } });
  return en;
}

export const MESSAGES = {
  topLevel: fixed('not-an-object', 'must be a JSON object', 'Phải là một đối tượng JSON.'),
  object: fixed('not-an-object', 'must be an object', 'Phải là một đối tượng.'),
  nonEmptyText: fixed('required', 'must be a non-empty text', 'Không được để trống.'),
  longText: fixed('too-long', 'must be at most 200 characters', 'Tối đa 200 ký tự.'),
  longUrl: fixed('too-long', 'must be at most 2048 characters', 'Tối đa 2048 ký tự.'),
  order: fixed(
    'invalid-order',
    'must be a whole number, 0 or more',
    'Phải là số nguyên, từ 0 trở lên.',
  ),
  text: fixed('not-text', 'must be a text', 'Phải là chữ.'),
  id: fixed(
    'invalid-id',
    'use letters, digits, "-", "_" or "." only',
    'Chỉ dùng chữ không dấu, số, "-", "_" hoặc ".".',
  ),
  sites: fixed('required', 'must be a non-empty list of sites', 'Cần ít nhất một trung tâm.'),
  cameras: fixed('not-a-list', 'must be a list of cameras', 'Phải là danh sách camera.'),
  locale: fixed('invalid-locale', 'must be "vi" or "en"', 'Phải là "vi" hoặc "en".'),
  availability: fixed(
    'invalid-availability',
    'must be one of "installed", "not-installed", "disabled"',
    'Chọn: đã lắp, chưa lắp, hoặc tắt.',
  ),
  streams: fixed(
    'not-an-object',
    'must be an object with "sub" (and "main")',
    'Cần luồng phụ (và luồng chính).',
  ),
  endpoint: fixed('not-an-object', 'must be an object with "url"', 'Cần địa chỉ luồng (URL).'),
  auth: fixed('not-an-object', 'must be an object with "type"', 'Cần kiểu đăng nhập.'),
  authType: fixed(
    'invalid-auth-type',
    'must be "password", "bearer" or "nms-sign"',
    'Kiểu đăng nhập phải là mật khẩu, mã (bearer) hoặc chữ ký NMS.',
  ),
  ttl: fixed(
    'invalid-ttl',
    'must be a whole number of seconds, at least 10',
    'Phải là số giây nguyên, ít nhất 10.',
  ),
  flag: fixed('not-a-flag', 'must be true or false', 'Phải là có hoặc không.'),
  layout: fixed(
    'not-an-object',
    'must be an object with "preset" and "cameraIds"',
    'Bố cục cần "preset" và "cameraIds".',
  ),
  list: fixed('not-a-list', 'must be a list', 'Phải là danh sách.'),
  heartbeat: fixed(
    'not-an-object',
    'must be an object with "url" and "secret"',
    'Cần địa chỉ nhận (url) và khoá (secret).',
  ),
  /** A period in whole minutes (the heartbeat's, the provisioning poll's). */
  minutes: fixed(
    'invalid-interval',
    'must be a whole number of minutes from 1 to 1440',
    'Phải là số phút nguyên, từ 1 đến 1440.',
  ),
  wallName: fixed(
    'invalid-wall-name',
    'must be a non-empty text of at most 64 characters',
    'Tên máy phải có chữ, tối đa 64 ký tự.',
  ),
  preset: fixed(
    'invalid-preset',
    `must be one of ${Object.keys(LAYOUT_PRESETS).join(', ')}`,
    `Bố cục phải là một trong: ${Object.keys(LAYOUT_PRESETS).join(', ')}.`,
  ),
  provisioning: fixed(
    'not-an-object',
    'must be an object with "source", "publicKeys" and "fleetKey"',
    'Cần nguồn gói cấu hình, khoá công khai và khoá nhóm máy.',
  ),
  provisioningSource: fixed(
    'invalid-source',
    'must be an https:// address or the full path of a folder (a USB stick), e.g. "E:\\\\wall"',
    'Phải là địa chỉ https:// hoặc đường dẫn đầy đủ của một thư mục (USB), ví dụ "E:\\\\wall".',
  ),
  publicKeys: fixed(
    'invalid-public-keys',
    'must be a non-empty list of Ed25519 public keys (the public-key.pem text, or its full path)',
    'Cần ít nhất một khoá công khai Ed25519 (nội dung public-key.pem hoặc đường dẫn đầy đủ tới tệp).',
  ),
  fleetKey: fixed(
    'invalid-fleet-key',
    'must be the fleet key: the 32-byte text of fleet.key that "wall-provision keygen" wrote',
    'Phải là khoá nhóm máy: nội dung tệp fleet.key (32 byte) do "wall-provision keygen" tạo.',
  ),
} as const;

/** The code and both texts of a zod issue's message (params win: they name a value). */
export function schemaMessage(message: string, params?: Record<string, unknown>): SchemaMessage {
  if (params && typeof params.code === 'string' && typeof params.vi === 'string') {
    return { code: params.code, text: { en: message, vi: params.vi } };
  }
  return (
    FIXED.get(message) ?? {
      code: 'invalid',
      // A message no table knows (a library's own): the English is all there is to say, set
      // apart from our own sentence.
      text: { en: message, vi: `Giá trị không hợp lệ (chi tiết: ${message}).` },
    }
  );
}
