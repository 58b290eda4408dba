// PRE-FIX VERSION, kept for comparison only: the FLV reader as it was before the chunk queue
// (it concatenates the whole pending buffer with every chunk). The benchmark's before/after
// table and the differential fuzz test run it; nothing in the app imports it. Changes from the
// original: the class name, the import paths and the parserCost counting lines ("cost:").
//
// An incremental FLV parser: feed it bytes as they arrive, get whole tags back.
// It never throws on bad input; it reports a malformed stream once and stops, so the
// caller can end the connection with a clear error instead of feeding garbage onwards.
import { parserCost } from '../../../electron/streams/bytes/chunk-queue';
import type { FlvReadResult } from '../../../electron/streams/flv/flv-reader';
import type { FlvTagType } from '../../../electron/streams/flv/flv-tag';

const MAX_TAG_SIZE = 8 * 1024 * 1024;

export class LegacyFlvReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private headerDone = false;
  private failed = false;

  /** Appends bytes and returns every complete item they finish. */
  push(chunk: Uint8Array): FlvReadResult[] {
    if (this.failed) return [];
    this.buffer = this.buffer.length === 0 ? chunk : concat(this.buffer, chunk);
    const results: FlvReadResult[] = [];
    let offset = 0;
    const buf = this.buffer;

    if (!this.headerDone) {
      if (buf.length < 13) return results;
      if (buf[0] !== 0x46 || buf[1] !== 0x4c || buf[2] !== 0x56) {
        return this.fail(results, 'the stream does not start with an FLV header');
      }
      const headerSize = readU32(buf, 5);
      if (headerSize < 9 || headerSize > 1024) {
        return this.fail(results, `FLV header size ${headerSize} is invalid`);
      }
      if (buf.length < headerSize + 4) return results;
      const flags = buf[4]!;
      results.push({ kind: 'header', audio: (flags & 0x04) !== 0, video: (flags & 0x01) !== 0 });
      offset = headerSize + 4;
      this.headerDone = true;
    }

    while (buf.length - offset >= 11) {
      const type = buf[offset]! & 0x1f;
      const size = (buf[offset + 1]! << 16) | (buf[offset + 2]! << 8) | buf[offset + 3]!;
      if (type !== 8 && type !== 9 && type !== 18) {
        return this.fail(results, `unknown FLV tag type ${type}`);
      }
      if (size > MAX_TAG_SIZE) return this.fail(results, `FLV tag of ${size} bytes is too large`);
      const total = 11 + size + 4;
      if (buf.length - offset < total) break;
      const timestamp =
        ((buf[offset + 7]! << 24) |
          (buf[offset + 4]! << 16) |
          (buf[offset + 5]! << 8) |
          buf[offset + 6]!) >>>
        0;
      parserCost.copied += size; // cost
      const data = buf.slice(offset + 11, offset + 11 + size);
      results.push({ kind: 'tag', tag: { type: type as FlvTagType, timestamp, data } });
      offset += total;
    }
    if (offset !== 0) parserCost.copied += buf.length - offset; // cost
    this.buffer = offset === 0 ? buf : buf.slice(offset);
    return results;
  }

  /** Bytes held waiting for the rest of a tag. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  private fail(results: FlvReadResult[], message: string): FlvReadResult[] {
    this.failed = true;
    this.buffer = new Uint8Array(0);
    results.push({ kind: 'error', message });
    return results;
  }
}

function readU32(buf: Uint8Array, at: number): number {
  return ((buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!) >>> 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  parserCost.copied += a.length + b.length; // cost
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
