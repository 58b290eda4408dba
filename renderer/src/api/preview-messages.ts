// Pure helpers of the preview client that are the client's own business (the wire format
// itself is the contract's preview-protocol.ts).

/** Reconnect delays: 0.5 s, 1 s, 2 s … up to 10 s; the wall keeps trying for ever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}
