// How the browser preview host carries the wall contract over one WebSocket, so the same
// renderer runs in any Chromium. The page URL is http://127.0.0.1:<port>/#key=<secret>; the
// renderer connects to ws://<same host>/api/<secret>. No runtime dependencies.
import type { Result, WallEvents, WallRequestChannel, WallRequests } from './wall-contract';

export const PREVIEW_API_PATH = '/api/';
export const PREVIEW_KEY_PARAM = 'key';

export type PreviewRequest = {
  [C in WallRequestChannel]: {
    kind: 'request';
    id: number;
    channel: C;
    payload: WallRequests[C][0];
  };
}[WallRequestChannel];

export type PreviewResponse = { kind: 'response'; id: number; result: Result<unknown> };

export type PreviewEvent = {
  [C in keyof WallEvents]: { kind: 'event'; channel: C; payload: WallEvents[C] };
}[keyof WallEvents];

export type PreviewServerMessage = PreviewResponse | PreviewEvent;
