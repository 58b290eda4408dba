// The API socket renderer/public/early-start.js opened before the bundle ran, taken over
// once: the socket and the messages that arrived before anyone listened.
export const EARLY_API_SOCKET_GLOBAL = '__earlyApiSocket';

export interface EarlySocket {
  socket: WebSocket;
  received: unknown[];
}

/** The early socket for `url`, once, if it is still usable; otherwise null. */
export function takeEarlySocket(win: Window, url: string): EarlySocket | null {
  const holder = win as unknown as Record<string, EarlySocket | undefined>;
  const early = holder[EARLY_API_SOCKET_GLOBAL];
  delete holder[EARLY_API_SOCKET_GLOBAL];
  if (!early || early.socket.url !== url) return null;
  // CLOSING (2) or CLOSED (3): the client opens a socket of its own.
  return early.socket.readyState <= 1 ? early : null;
}
