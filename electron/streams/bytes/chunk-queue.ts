// The bytes a stream reader has received but not yet consumed, kept as the chunks they arrived
// in plus a read offset. Readers used to concatenate their whole pending buffer with every new
// chunk, so a large frame arriving in small chunks was copied over and over (quadratic). Here a
// byte is copied only when a reader takes it out, and the blank-line search resumes where it
// stopped, so a reader's cost stays linear in its input whatever the chunking. Pure; shared by
// the FLV and RTSP interleaved readers.
import { ByteSlab } from './byte-slab';

/**
 * Bytes copied and bytes scanned by every queue and the readers built on it. Counting costs an
 * addition; it lets a unit test prove linearity without timing, and the benchmark show it.
 */
export const parserCost = { copied: 0, scanned: 0 };

export function resetParserCost(): void {
  parserCost.copied = 0;
  parserCost.scanned = 0;
}

/** Tails kept by keepLast(); pieces are never rewritten, so any queue may share it. */
const KEPT = new ByteSlab();

const LF = 0x0a;
const CR = 0x0d;
/** Consumed chunks are dropped from the front of the list in batches, not one shift() each. */
const COMPACT_AFTER = 64;

export class ChunkQueue {
  private chunks: Uint8Array[] = [];
  /** Index of the first chunk with unread bytes, and how much of it is read. */
  private first = 0;
  private offset = 0;
  private size = 0;
  /** Stream position of the read point: bytes consumed since the start. */
  private consumed = 0;
  /** Blank-line search: the stream position to resume at and the chunk that holds it. */
  private searchAt = 0;
  private searchChunk = 0;
  private searchChunkStart = 0;
  private blankLength = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /**
   * Replaces the last pushed chunk, while bytes of it are unread, with a copy of those bytes:
   * for a reader fed views of a buffer its caller reuses for the next read (a socket's read
   * buffer). Only that chunk's unread tail is copied, so each byte is copied at most once.
   */
  keepLast(): void {
    const k = this.chunks.length - 1;
    if (this.size === 0 || k < this.first) return;
    const chunk = this.chunks[k]!;
    const from = k === this.first ? this.offset : 0;
    // From a shared slab: a tail is often a few hundred bytes, read by the next chunk.
    const kept = KEPT.take(chunk.length - from);
    kept.set(from === 0 ? chunk : chunk.subarray(from));
    this.chunks[k] = kept;
    parserCost.copied += chunk.length - from;
    if (k === this.first) {
      this.offset = 0;
      // The chunk now starts where its unread bytes did.
      if (this.searchChunk === k) this.searchChunkStart += from;
    }
  }

  /** Unread bytes. */
  get length(): number {
    return this.size;
  }

  /** Stream position of the next unread byte. */
  get position(): number {
    return this.consumed;
  }

  /**
   * The unread byte at i (0 ≤ i < length). Walks chunks from the front: meant for the small
   * fixed offsets of frame and tag headers, so it is constant work per item and not counted
   * as scanning.
   */
  byteAt(i: number): number {
    let k = this.first;
    let at = this.offset + i;
    while (at >= this.chunks[k]!.length) at -= this.chunks[k++]!.length;
    return this.chunks[k]![at]!;
  }

  /** How many leading unread bytes satisfy `test`, counting at most `max`. */
  countWhile(test: (byte: number) => boolean, max: number): number {
    let n = 0;
    for (let k = this.first; k < this.chunks.length && n < max; k++) {
      const chunk = this.chunks[k]!;
      for (let j = k === this.first ? this.offset : 0; j < chunk.length && n < max; j++, n++) {
        if (!test(chunk[j]!)) {
          parserCost.scanned += n + 1;
          return n;
        }
      }
    }
    parserCost.scanned += n;
    return n;
  }

  /** Copies the first n unread bytes without consuming them. */
  copyFront(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    for (let k = this.first; filled < n; k++) {
      const chunk = this.chunks[k]!;
      const from = k === this.first ? this.offset : 0;
      const take = Math.min(chunk.length - from, n - filled);
      out.set(chunk.subarray(from, from + take), filled);
      filled += take;
    }
    parserCost.copied += n;
    return out;
  }

  /**
   * Consumes n bytes and returns them: a view of the received chunk when they lie in one (no
   * copy; the caller must not expect to own the memory), else a copy.
   */
  read(n: number): Uint8Array {
    const chunk = this.chunks[this.first];
    if (chunk && chunk.length - this.offset >= n) {
      const view = chunk.subarray(this.offset, this.offset + n);
      this.skip(n);
      return view;
    }
    return this.readCopy(n);
  }

  /** Consumes n bytes into memory of their own (kept tags must not pin whole socket chunks). */
  readCopy(n: number): Uint8Array {
    const out = this.copyFront(n);
    this.skip(n);
    return out;
  }

  /** Consumes n bytes (n ≤ length). */
  skip(n: number): void {
    this.size -= n;
    this.consumed += n;
    let left = n + this.offset;
    while (this.first < this.chunks.length && left >= this.chunks[this.first]!.length) {
      left -= this.chunks[this.first]!.length;
      this.first++;
    }
    this.offset = left;
    if (this.size === 0) {
      this.chunks.length = 0;
      this.first = 0;
      this.offset = 0;
    } else if (this.first >= COMPACT_AFTER) {
      this.chunks = this.chunks.slice(this.first);
      this.searchChunk -= this.first;
      this.first = 0;
    }
    if (this.searchAt <= this.consumed || this.searchChunk < this.first) this.resetSearch();
  }

  clear(): void {
    this.skip(this.size);
  }

  /**
   * Index (from the read point) of the LF that starts the blank line ending an RTSP head:
   * LF LF or LF CR LF, so CRLFCRLF and bare-LF heads both match. Looks only at starts up to
   * maxStart, and returns -1 when there is none yet. The search resumes where the previous one
   * stopped (as long as the read point has not passed it), so each byte is looked at once.
   */
  indexOfBlankLine(maxStart: number): number {
    const end = this.consumed + this.size;
    const last = Math.min(end, this.consumed + maxStart + 1);
    while (this.searchAt < last) {
      let chunk = this.chunks[this.searchChunk]!;
      while (this.searchAt - this.searchChunkStart >= chunk.length) {
        this.searchChunkStart += chunk.length;
        chunk = this.chunks[++this.searchChunk]!;
      }
      const from = this.searchAt - this.searchChunkStart;
      const to = Math.min(chunk.length, from + (last - this.searchAt));
      const hit = chunk.subarray(from, to).indexOf(LF);
      if (hit < 0) {
        parserCost.scanned += to - from;
        this.searchAt += to - from;
        continue;
      }
      parserCost.scanned += hit + 1;
      this.searchAt += hit;
      const next = this.searchAt + 1 < end ? this.absByte(this.searchAt + 1) : -1;
      if (next < 0) return -1; // the byte after this LF has not arrived: look here again
      if (next === LF) return this.found(2);
      if (next === CR) {
        if (this.searchAt + 2 >= end) return -1;
        if (this.absByte(this.searchAt + 2) === LF) return this.found(3);
      }
      this.searchAt++;
    }
    return -1;
  }

  /** Bytes in the blank line the last successful indexOfBlankLine found (2 or 3). */
  get blankLineLength(): number {
    return this.blankLength;
  }

  private found(blankLength: number): number {
    this.blankLength = blankLength;
    return this.searchAt - this.consumed;
  }

  /** A byte by stream position, at or just after the search point. */
  private absByte(pos: number): number {
    parserCost.scanned++;
    let k = this.searchChunk;
    let at = pos - this.searchChunkStart;
    while (at >= this.chunks[k]!.length) at -= this.chunks[k++]!.length;
    return this.chunks[k]![at]!;
  }

  private resetSearch(): void {
    this.searchAt = this.consumed;
    this.searchChunk = this.first;
    this.searchChunkStart = this.consumed - this.offset;
  }
}
