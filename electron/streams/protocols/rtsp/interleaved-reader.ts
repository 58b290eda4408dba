// Splits the bytes of an RTSP-over-TCP connection into RTSP messages and interleaved
// binary frames ('$', channel, 16-bit length, payload; RFC 2326 10.12). Bounded: a head
// over 64 KiB, a body over 1 MiB or a long run of bytes that start nothing end the stream
// with one error instead of growing memory. Linear: bytes wait in a chunk queue (no copy of
// the pending buffer per chunk), the blank-line search resumes where it stopped, and a head
// that turns out invalid is resynchronised in one pass (HeadResync) instead of re-parsing
// from each of its bytes, which cost seconds of main thread for one long line of capitals.
import { ChunkQueue, parserCost } from '../../bytes/chunk-queue';
import { parseHead, type RtspResponse, type RtspServerRequest } from './rtsp-message';

export const MAX_HEAD_BYTES = 64 * 1024;
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_JUNK_BYTES = 64 * 1024;

export type InterleavedItem =
  | { kind: 'frame'; channel: number; payload: Uint8Array }
  | { kind: 'response'; response: RtspResponse }
  | { kind: 'request'; request: RtspServerRequest }
  | { kind: 'error'; message: string };

type ValidHead = Exclude<ReturnType<typeof parseHead>, { kind: 'invalid' }>;

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isJunk = (c: number) => c !== 0x24 && !isUpper(c);

export class InterleavedReader {
  private readonly queue = new ChunkQueue();
  private failed = false;
  private junk = 0;
  /** A frame header already read, waiting for its payload (length -1: none). */
  private frameChannel = 0;
  private frameLength = -1;
  /** A valid head already parsed, waiting for its body. */
  private message: { head: ValidHead; bodyStart: number; length: number } | undefined;
  /** The last head found invalid, while the read point is inside it. */
  private resync: HeadResync | undefined;

  /**
   * Appends bytes; returns the items they complete. Never throws. `transient`: the chunk is a
   * view of a buffer the caller reuses after this call, so bytes left waiting are copied, and
   * frame payloads are views the caller must consume before its next read.
   */
  push(chunk: Uint8Array, transient = false): InterleavedItem[] {
    if (this.failed) return [];
    const q = this.queue;
    q.push(chunk);
    const out: InterleavedItem[] = [];
    while (q.length > 0) {
      if (this.frameLength >= 0) {
        const length = this.frameLength;
        if (q.length < 4 + length) break;
        q.skip(4);
        out.push({ kind: 'frame', channel: this.frameChannel, payload: q.read(length) });
        this.frameLength = -1;
        this.junk = 0;
        continue;
      }
      if (this.message) {
        const { head, bodyStart, length } = this.message;
        if (q.length < bodyStart + length) break;
        q.skip(bodyStart);
        out.push(item(head, q.readCopy(length)));
        this.message = undefined;
        this.junk = 0;
        continue;
      }
      const first = q.byteAt(0);
      if (first === 0x24) {
        if (q.length < 4) break;
        this.frameChannel = q.byteAt(1);
        this.frameLength = (q.byteAt(2) << 8) | q.byteAt(3);
        continue;
      }
      if (isUpper(first)) {
        const step = this.head();
        if (step === 'wait') break;
        if (typeof step === 'string') return this.fail(out, step);
        if (step > 0 && !this.skipJunk(step)) return this.fail(out, 'bytes that are not RTSP');
        continue;
      }
      // Some cameras pad between packets; skip, but not forever.
      if (!this.skipJunk(q.countWhile(isJunk, MAX_JUNK_BYTES + 1))) {
        return this.fail(out, 'bytes that are not RTSP');
      }
    }
    if (transient) q.keepLast();
    return out;
  }

  /** Bytes waiting for the rest of a message or frame. */
  get pendingBytes(): number {
    return this.queue.length;
  }

  /**
   * At a capital letter: sets this.message for a valid head, or returns the bytes to skip to
   * the next possible start, 'wait' for more bytes, or an error.
   */
  private head(): number | 'wait' | string {
    const q = this.queue;
    let resync = this.resync;
    if (resync && q.position >= resync.end) resync = this.resync = undefined;
    if (resync) {
      // Inside a head already found invalid: a later start in it shares its end, so only its
      // first line decides, which HeadResync answers without parsing the head again.
      const skip = resync.nextStart(q.position) - q.position;
      if (skip > 0) return skip;
    }
    const end = q.indexOfBlankLine(MAX_HEAD_BYTES);
    if (end < 0) {
      // No blank line can start within the limit once 3 bytes past it have arrived.
      return q.length >= MAX_HEAD_BYTES + 3 ? 'an RTSP header over 64 KiB' : 'wait';
    }
    const bodyStart = end + q.blankLineLength;
    const bytes = q.copyFront(end);
    parserCost.scanned += end;
    const head = parseHead(latin1(bytes));
    if (head.kind === 'invalid') {
      // Not a message after all: the next start is a '$' or a capital later in this head.
      this.resync = new HeadResync(bytes, q.position);
      return this.resync.nextStart(q.position + 1) - q.position;
    }
    const lengthText = head.headers.get('content-length')?.[0] ?? '0';
    const length = /^\d{1,9}$/.test(lengthText.trim()) ? Number(lengthText.trim()) : -1;
    if (length < 0 || length > MAX_BODY_BYTES) {
      return `an RTSP body length "${lengthText.slice(0, 20)}" that is not sane`;
    }
    this.message = { head, bodyStart, length };
    return 0;
  }

  /** Skips n bytes that start nothing; false once too many came in a row. */
  private skipJunk(n: number): boolean {
    this.junk += n;
    if (this.junk > MAX_JUNK_BYTES) return false;
    this.queue.skip(n);
    return true;
  }

  private fail(out: InterleavedItem[], what: string): InterleavedItem[] {
    this.failed = true;
    this.queue.clear();
    this.frameLength = -1;
    this.message = this.resync = undefined;
    out.push({ kind: 'error', message: `the server sent ${what}` });
    return out;
  }
}

function item(head: ValidHead, body: Uint8Array): InterleavedItem {
  return head.kind === 'response'
    ? {
        kind: 'response',
        response: { status: head.status, reason: head.reason, headers: head.headers, body },
      }
    : { kind: 'request', request: { method: head.method, uri: head.uri, headers: head.headers } };
}

/** The whitespace of JS regexp \s and String.trim() among latin1 characters. */
const isSpace = (c: number) => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isMethodChar = (c: number) => isUpper(c) || c === 0x5f;

/**
 * Finds, in one forward pass, the next place inside an invalid head where the reader would
 * start something: a '$', or a capital whose rest of line parseHead accepts as a status or
 * request line. Every start inside the head ends at the same blank line, and parseHead's
 * verdict depends only on the first line, so answering per line gives the same result as
 * re-parsing from every byte did, in linear time. Positions are stream positions.
 */
export class HeadResync {
  readonly end: number;
  private at = 0;
  private lineEnd = -1;
  private trimEnd = 0;
  private lastCr = -1;
  private methodFrom = 0;
  private methodTo = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly start: number,
  ) {
    this.end = start + b.length;
  }

  /** The first start at or after `from` (a stream position), or the end of the head. */
  nextStart(from: number): number {
    const b = this.b;
    const begin = this.at;
    this.at = Math.max(this.at, from - this.start);
    for (; this.at < b.length; this.at++) {
      if (this.at > this.lineEnd) this.enterLine();
      const c = b[this.at]!;
      if (c === 0x24) break;
      if (!isUpper(c)) continue;
      if (this.at >= this.methodFrom && this.at < this.methodTo) break;
      if (this.statusLineAt(this.at)) break;
    }
    parserCost.scanned += Math.max(0, this.at - begin);
    return this.start + this.at;
  }

  /** Reads the line holding this.at from there on: its trimmed end and request-line shape. */
  private enterLine(): void {
    const b = this.b;
    const from = this.at;
    let end = b.indexOf(0x0a, from);
    if (end < 0) end = b.length;
    let t = end;
    while (t > from && isSpace(b[t - 1]!)) t--;
    this.lineEnd = end;
    this.trimEnd = t;
    // Bounded to this line: searching back to the array's start would rescan earlier lines.
    this.lastCr = from + b.subarray(from, t).lastIndexOf(0x0d);
    parserCost.scanned += end - from;
    // A request line is METHOD SP uri SP RTSP/d.d: read its shape backwards from the end.
    this.methodFrom = this.methodTo = 0;
    let i = t - 8;
    if (i <= from || !this.matches(i, 'RTSP/') || !isDigit(b[i + 5]!) || b[i + 6] !== 0x2e) return;
    if (!isDigit(b[i + 7]!) || !isSpace(b[i - 1]!)) return;
    while (i > from && isSpace(b[i - 1]!)) i--;
    const uriEnd = i;
    while (i > from && !isSpace(b[i - 1]!)) i--;
    if (i === uriEnd || i === from) return;
    while (i > from && isSpace(b[i - 1]!)) i--;
    const methodEnd = i;
    while (i > from && isMethodChar(b[i - 1]!)) i--;
    this.methodFrom = i;
    this.methodTo = methodEnd;
  }

  /** RTSP/d.d SP+ ddd [SP+ reason]: the status-line pattern of parseHead, from p. */
  private statusLineAt(p: number): boolean {
    const b = this.b;
    const t = this.trimEnd;
    if (p + 12 > t || b[p] !== 0x52 || (b[p + 1]! | 0x20) !== 0x74) return false;
    if ((b[p + 2]! | 0x20) !== 0x73 || (b[p + 3]! | 0x20) !== 0x70 || b[p + 4] !== 0x2f)
      return false;
    if (!isDigit(b[p + 5]!) || b[p + 6] !== 0x2e || !isDigit(b[p + 7]!)) return false;
    let i = p + 8;
    if (!isSpace(b[i]!)) return false;
    while (i < t && isSpace(b[i]!)) i++;
    if (i + 3 > t || !isDigit(b[i]!) || !isDigit(b[i + 1]!) || !isDigit(b[i + 2]!)) return false;
    i += 3;
    if (i === t) return true;
    if (!isSpace(b[i]!)) return false;
    while (i < t && isSpace(b[i]!)) i++;
    // The reason is (.*): no CR may follow the spaces (a trailing CR was trimmed).
    return this.lastCr < i;
  }

  private matches(at: number, text: string): boolean {
    for (let k = 0; k < text.length; k++) if (this.b[at + k] !== text.charCodeAt(k)) return false;
    return true;
  }
}

function latin1(bytes: Uint8Array): string {
  parserCost.copied += bytes.length;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
