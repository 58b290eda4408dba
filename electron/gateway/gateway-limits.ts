// Bounds that keep the loopback gateway calm under a local flood (a buggy or hostile program on
// the PC opening sockets in a loop): WebSocket close reasons fit the protocol's 123 bytes, a
// client may not send large frames (tiles send nothing), connections are capped in total and per
// stream, and refusals are logged once per kind and then as a count, so a flood cannot push the
// wall's history out of its rotated log.

/** RFC 6455: a close frame's reason is at most 123 bytes of UTF-8. */
export const MAX_CLOSE_REASON_BYTES = 123;
/** Tiles never send data; anything larger than a ping is not a tile. */
export const MAX_CLIENT_PAYLOAD_BYTES = 1_024;
/** A 25-tile wall on four displays, with maximised tiles and tours, stays far below these. */
export const MAX_CONNECTIONS = 256;
export const MAX_VIEWERS_PER_STREAM = 24;
/** Refusals of one kind are logged at most once per window, then as a count. */
export const REFUSAL_LOG_WINDOW_MS = 60_000;

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes = MAX_CLOSE_REASON_BYTES): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes - 3) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}

/** Logs the first refusal of each kind per window, and how many followed it. */
export class RefusalLog {
  private readonly windows = new Map<string, { since: number; suppressed: number }>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  refuse(kind: string, line: string): void {
    const now = this.now();
    const window = this.windows.get(kind);
    if (window && now - window.since < REFUSAL_LOG_WINDOW_MS) {
      window.suppressed += 1;
      return;
    }
    const repeated = window?.suppressed
      ? ` (and ${window.suppressed} more like it in the last minute)`
      : '';
    this.windows.set(kind, { since: now, suppressed: 0 });
    this.log(`${line}${repeated}`);
  }
}
