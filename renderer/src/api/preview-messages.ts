// Pure helpers of the preview client: where to connect, and parsing what the host sends. Every
// message is `unknown` until its shape is checked (a bad frame is dropped, not trusted).
import type { PreviewServerMessage } from '../contract';
import type { WallEventChannel } from '../contract';

// Mirrors PREVIEW_KEY_PARAM and PREVIEW_API_PATH: the renderer imports the contract type-only.
const KEY_PARAM = 'key';
const API_PATH = '/api/';
const EVENT_CHANNELS: readonly WallEventChannel[] = ['streams:status', 'wall:snapshot'];

/** The per-launch secret from `#key=<secret>`, or null when the page was opened without it. */
export function readPreviewKey(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const key = params.get(KEY_PARAM);
  return key && key.length > 0 ? key : null;
}

export function previewSocketUrl(
  location: { protocol: string; host: string },
  key: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API_PATH}${encodeURIComponent(key)}`;
}

/** Reconnect delays: 0.5 s, 1 s, 2 s … up to 10 s; the wall keeps trying for ever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isResult(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && typeof value.error === 'string';
}

/** Parses one text frame from the host; null when it is not a message we understand. */
export function parseServerMessage(text: string): PreviewServerMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  if (data.kind === 'response') {
    if (typeof data.id !== 'number' || !isResult(data.result)) return null;
    return data as PreviewServerMessage;
  }
  if (data.kind === 'event') {
    const channel = data.channel as WallEventChannel;
    if (!EVENT_CHANNELS.includes(channel) || !isRecord(data.payload)) return null;
    return data as PreviewServerMessage;
  }
  return null;
}
