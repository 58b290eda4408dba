// Hikvision and Dahua cameras (and their NVRs) name their streams by fixed patterns, so the
// camera form asks for brand, address, channel, user and password and builds both URLs here.
// Pure and in the contract: the form shows the URLs as they are typed, and main builds the
// same ones when it saves. The credentials never go into a URL: they become the endpoint's
// `auth` (Digest), so they can be kept in the vault.
import type { EndpointDraft, FieldError, SecretDraft } from './settings-view';

export type CameraBrand = 'hikvision' | 'dahua';

export const CAMERA_BRANDS: readonly CameraBrand[] = ['hikvision', 'dahua'];

export interface BrandCameraForm {
  brand: CameraBrand;
  /** IP or host name, optionally with ":port" ("[v6]:port" for IPv6). RTSP port 554 if none. */
  address: string;
  /** 1 for a camera; the NVR's channel number otherwise. */
  channel: number;
  username: string;
  password: SecretDraft;
}

export type BrandUrls =
  { ok: true; main: EndpointDraft; sub: EndpointDraft } | { ok: false; errors: FieldError[] };

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

function fieldError(field: keyof BrandCameraForm, code: string, vi: string, en: string) {
  return { path: [field], field, code, message: { vi, en } };
}

/** The RTSP path of a brand's main or sub stream on a channel. */
export function brandStreamPath(brand: CameraBrand, channel: number, sub: boolean): string {
  return brand === 'hikvision'
    ? `/Streaming/Channels/${channel}0${sub ? 2 : 1}`
    : `/cam/realmonitor?channel=${channel}&subtype=${sub ? 1 : 0}`;
}

export function buildBrandUrls(form: BrandCameraForm): BrandUrls {
  const errors: FieldError[] = [];
  const address = form.address.trim();
  const port = HOST.exec(address)?.[1];
  if (!HOST.test(address)) {
    errors.push(
      fieldError(
        'address',
        'invalid-address',
        'Nhập địa chỉ IP hoặc tên máy của camera, ví dụ 192.168.1.64 hoặc 192.168.1.64:554.',
        "Enter the camera's IP address or host name, for example 192.168.1.64 or 192.168.1.64:554.",
      ),
    );
  } else if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    errors.push(
      fieldError(
        'address',
        'invalid-port',
        'Cổng phải từ 1 đến 65535.',
        'The port must be 1 to 65535.',
      ),
    );
  }
  if (!Number.isInteger(form.channel) || form.channel < 1 || form.channel > 256) {
    errors.push(
      fieldError(
        'channel',
        'invalid-channel',
        'Kênh là một số từ 1 đến 256 (camera đơn: 1).',
        'The channel is a number from 1 to 256 (a single camera: 1).',
      ),
    );
  }
  if (form.username.trim() === '') {
    errors.push(
      fieldError(
        'username',
        'required',
        'Nhập tên đăng nhập của camera (nên dùng tài khoản chỉ xem).',
        "Enter the camera's user name (a view-only account is best).",
      ),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  const base = `rtsp://${port === undefined ? `${address}:554` : address}`;
  const endpoint = (sub: boolean): EndpointDraft => ({
    url: base + brandStreamPath(form.brand, form.channel, sub),
    auth: { type: 'password', username: form.username.trim(), password: form.password },
  });
  return { ok: true, main: endpoint(false), sub: endpoint(true) };
}
