// How the browser preview host carries the wall contract over one WebSocket, so the same
// renderer runs in any Chromium. The page URL is http://127.0.0.1:<port>/#key=<secret>; the
// renderer connects to ws://<same host>/api/<secret>. Both ends build and read the messages
// here; every message is `unknown` until its shape is checked (a bad frame is dropped).
import type { Result } from './wall-contract';
import {
  WALL_EVENT_CHANNELS,
  type WallEventChannel,
  type WallEvents,
  type WallRequestChannel,
  type WallRequests,
} from './wall-verbs';

export const PREVIEW_API_PATH = '/api/';
const PREVIEW_KEY_PARAM = 'key';

export type PreviewRequest = {
  [C in WallRequestChannel]: {
    kind: 'request';
    id: number;
    channel: C;
    payload: WallRequests[C][0];
  };
}[WallRequestChannel];

type PreviewResponse = { kind: 'response'; id: number; result: Result<unknown> };

type PreviewEvent = {
  [C in WallEventChannel]: { kind: 'event'; channel: C; payload: WallEvents[C] };
}[WallEventChannel];

export type PreviewServerMessage = PreviewResponse | PreviewEvent;

/** The page to open; the key sits in the fragment, which a browser never sends to a server. */
export function previewPageUrl(origin: string, secret: string): string {
  return `${origin}/#${PREVIEW_KEY_PARAM}=${secret}`;
}

/** The per-launch secret from `#key=<secret>`, or null when the page was opened without it. */
export function readPreviewKey(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const key = params.get(PREVIEW_KEY_PARAM);
  return key && key.length > 0 ? key : null;
}

export function previewSocketUrl(
  location: { protocol: string; host: string },
  key: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${PREVIEW_API_PATH}${encodeURIComponent(key)}`;
}

/** The secret an API connection's path carries, or null when it is not an API path. */
export function previewApiSecret(path: string): string | null {
  return path.startsWith(PREVIEW_API_PATH) ? path.slice(PREVIEW_API_PATH.length) : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a request frame on the host. Channel and payload stay `unknown`: the service checks
 * them and answers a bad one with an error result. Null when there is no id to answer to.
 */
export function parseClientMessage(
  text: string,
): { id: number; channel: unknown; payload: unknown } | null {
  const data = parseJson(text);
  if (typeof data !== 'object' || data === null) return null;
  const { id, channel, payload } = data as Record<string, unknown>;
  return typeof id === 'number' ? { id, channel, payload } : null;
}

function isResult(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && typeof value.error === 'string';
}

/** Parses one text frame from the host; null when it is not a message we understand. */
export function parseServerMessage(text: string): PreviewServerMessage | null {
  const data = parseJson(text);
  if (!isRecord(data)) return null;
  if (data.kind === 'response') {
    if (typeof data.id !== 'number' || !isResult(data.result)) return null;
    return data as PreviewServerMessage;
  }
  if (data.kind === 'event') {
    const channel = data.channel as WallEventChannel;
    if (!WALL_EVENT_CHANNELS.includes(channel) || !isRecord(data.payload)) return null;
    return data as PreviewServerMessage;
  }
  return null;
}
