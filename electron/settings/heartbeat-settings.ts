// The configuration's optional "heartbeat" (IT's, from the file only): where this PC posts a
// small signed health summary, how often, and under which name. Absent, or "enabled": false,
// nothing is ever sent. Which URLs are accepted is decided here, once: https:// anywhere, and
// plain http:// only to this PC or an address of a private network, because the summary (PC
// name, centres, which cameras show a picture) must not cross the internet in clear text. The
// HMAC signature protects it from forgery and replay, not from being read.
import { isIP } from 'node:net';
import type { LocalText } from '../contract/settings-view';
import type { TlsSettings, TlsTrust } from './settings-model';

export interface HeartbeatSettings {
  url: string;
  /** Minutes between two beats (1…1440); 5 when the file says nothing. */
  everyMinutes: number;
  /** The shared HMAC key, revealed (a `vault:` or `safe:` value in the file's form). */
  secret: string;
  /** How IT knows this PC; the PC's host name when absent. */
  wallName?: string;
  /** false keeps the field but sends nothing; true when the file says nothing. */
  enabled: boolean;
  tls?: TlsSettings;
  /** Derived from `tls` when the settings are read; never written back. */
  tlsTrust?: TlsTrust;
}

export const DEFAULT_HEARTBEAT_MINUTES = 5;
export const MAX_HEARTBEAT_MINUTES = 24 * 60;
/** 16 characters at least: a short key would let a captured beat be brute-forced offline. */
export const MIN_HEARTBEAT_SECRET_CHARS = 16;
export const MAX_WALL_NAME_CHARS = 64;

/** Why IT's heartbeat URL cannot be used, in both languages; null when it can. */
export function heartbeatUrlProblem(raw: string): LocalText | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      en: 'must be a full address such as "https://it.example.vn/wall-heartbeat"',
      vi: 'Phải là địa chỉ đầy đủ, ví dụ "https://it.example.vn/wall-heartbeat".',
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      en: 'must not carry a user name or password; the key goes in heartbeat.secret',
      vi: 'Không ghi tên đăng nhập hay mật khẩu trong địa chỉ; khoá ghi ở heartbeat.secret.',
    };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isPrivateHost(url.hostname)) return null;
  if (url.protocol === 'http:') {
    return {
      en: 'http:// is accepted only to this PC or a private-network IP address (10.x, 172.16–31.x, 192.168.x); use https:// for any other server',
      vi: 'Chỉ dùng http:// tới máy này hoặc địa chỉ IP mạng nội bộ (10.x, 172.16–31.x, 192.168.x); máy chủ khác phải dùng https://.',
    };
  }
  return {
    en: 'must start with https:// (or http:// to a private-network IP address)',
    vi: 'Phải bắt đầu bằng https:// (hoặc http:// tới địa chỉ IP mạng nội bộ).',
  };
}

/**
 * Loopback, RFC 1918, link-local and IPv6 unique-local addresses, and "localhost". A host
 * name other than localhost is refused: it may resolve anywhere, so it needs https://.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (isIP(host) === 6) {
    if (host === '::1') return true;
    const first = parseInt(host.split(':')[0] || '0', 16);
    // fc00::/7 (unique local) and fe80::/10 (link-local).
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
  }
  return false;
}
