// PRE-FIX VERSION, kept for comparison only: the RTSP interleaved reader as it was before the
// chunk queue (it concatenates the pending buffer per chunk and re-parses from every byte after
// an invalid head). The benchmark's before/after table and the differential fuzz test run it;
// nothing in the app imports it. Changes from the original: the class name, the import path
// and the parserCost counting lines (marked "cost:").
//
// Splits the bytes of an RTSP-over-TCP connection into RTSP messages and interleaved
// binary frames ('$', channel, 16-bit length, payload; RFC 2326 10.12). Bounded: a head
// over 64 KiB, a body over 1 MiB or a long run of bytes that start nothing end the stream
// with one error instead of growing memory.
import { parserCost } from '../../../electron/streams/bytes/chunk-queue';
import type { InterleavedItem } from '../../../electron/streams/protocols/rtsp/interleaved-reader';
import { parseHead } from '../../../electron/streams/protocols/rtsp/rtsp-message';

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_JUNK_BYTES = 64 * 1024;

export class LegacyInterleavedReader {
  private buf: Uint8Array = new Uint8Array(0);
  private failed = false;
  private junk = 0;

  /** Appends bytes; returns the items they complete. Never throws. */
  push(chunk: Uint8Array): InterleavedItem[] {
    if (this.failed) return [];
    this.buf = this.buf.length === 0 ? chunk : concat(this.buf, chunk);
    const out: InterleavedItem[] = [];
    let off = 0;
    const b = this.buf;
    while (off < b.length) {
      const first = b[off]!;
      if (first === 0x24) {
        if (b.length - off < 4) break;
        const length = (b[off + 2]! << 8) | b[off + 3]!;
        if (b.length - off < 4 + length) break;
        out.push({
          kind: 'frame',
          channel: b[off + 1]!,
          payload: b.subarray(off + 4, off + 4 + length),
        });
        off += 4 + length;
        this.junk = 0;
        continue;
      }
      if (first >= 0x41 && first <= 0x5a) {
        const end = findHeadEnd(b, off);
        if (end === undefined) {
          if (b.length - off > MAX_HEAD_BYTES) return this.fail(out, 'an RTSP header over 64 KiB');
          break;
        }
        if (end.headEnd - off > MAX_HEAD_BYTES) return this.fail(out, 'an RTSP header over 64 KiB');
        parserCost.scanned += end.headEnd - off; // cost: parseHead reads the text
        const head = parseHead(latin1(b.subarray(off, end.headEnd)));
        if (head.kind === 'invalid') {
          // Not a message after all: skip one byte and look for the next start.
          off++;
          if (++this.junk > MAX_JUNK_BYTES) return this.fail(out, 'bytes that are not RTSP');
          continue;
        }
        const lengthText = head.headers.get('content-length')?.[0] ?? '0';
        const length = /^\d{1,9}$/.test(lengthText.trim()) ? Number(lengthText.trim()) : -1;
        if (length < 0 || length > MAX_BODY_BYTES) {
          return this.fail(
            out,
            `an RTSP body length "${lengthText.slice(0, 20)}" that is not sane`,
          );
        }
        if (b.length - end.bodyStart < length) break;
        parserCost.copied += length; // cost
        const body = b.slice(end.bodyStart, end.bodyStart + length);
        off = end.bodyStart + length;
        this.junk = 0;
        if (head.kind === 'response') {
          out.push({
            kind: 'response',
            response: { status: head.status, reason: head.reason, headers: head.headers, body },
          });
        } else {
          out.push({
            kind: 'request',
            request: { method: head.method, uri: head.uri, headers: head.headers },
          });
        }
        continue;
      }
      // Some cameras pad between packets; skip, but not forever.
      off++;
      if (++this.junk > MAX_JUNK_BYTES) return this.fail(out, 'bytes that are not RTSP');
    }
    if (off !== 0) parserCost.copied += b.length - off; // cost
    this.buf = off === 0 ? b : b.slice(off);
    return out;
  }

  /** Bytes waiting for the rest of a message or frame. */
  get pendingBytes(): number {
    return this.buf.length;
  }

  private fail(out: InterleavedItem[], what: string): InterleavedItem[] {
    this.failed = true;
    this.buf = new Uint8Array(0);
    out.push({ kind: 'error', message: `the server sent ${what}` });
    return out;
  }
}

/** Finds the blank line (CRLFCRLF or LFLF) that ends a head. */
function findHeadEnd(
  b: Uint8Array,
  from: number,
): { headEnd: number; bodyStart: number } | undefined {
  const limit = Math.min(b.length, from + MAX_HEAD_BYTES + 4);
  for (let i = from; i < limit - 1; i++) {
    parserCost.scanned++; // cost
    if (b[i] !== 0x0a) continue;
    if (b[i + 1] === 0x0a) return { headEnd: i, bodyStart: i + 2 };
    if (b[i + 1] === 0x0d && b[i + 2] === 0x0a) return { headEnd: i, bodyStart: i + 3 };
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  parserCost.copied += bytes.length; // cost
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  parserCost.copied += a.length + b.length; // cost
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
