// An incremental FLV parser: feed it bytes as they arrive, get whole tags back.
// It never throws on bad input; it reports a malformed stream once and stops, so the
// caller can end the connection with a clear error instead of feeding garbage onwards.
// Bytes wait in a chunk queue, so a large tag arriving in small chunks is copied once, when
// it is complete, not with every chunk (an 8 MiB keyframe in 16 KiB chunks used to cost ~1 s).
import { ChunkQueue } from '../bytes/chunk-queue';
import type { FlvTag, FlvTagType } from './flv-tag';

/**
 * Larger tags than this are treated as corruption (a 4K keyframe is well under 4 MiB). It must
 * stay below 2^24, the largest size the 24-bit DataSize field can hold, or the check is dead.
 */
export const MAX_TAG_SIZE = 8 * 1024 * 1024;

export type FlvReadResult =
  | { kind: 'header'; audio: boolean; video: boolean }
  | { kind: 'tag'; tag: FlvTag }
  | { kind: 'error'; message: string };

export class FlvReader {
  private readonly queue = new ChunkQueue();
  private headerDone = false;
  private failed = false;
  /** The header of a tag whose body has not all arrived: read once, not on every chunk. */
  private tag: { type: FlvTagType; size: number; timestamp: number } | undefined;

  /** Appends bytes and returns every complete item they finish. */
  push(chunk: Uint8Array): FlvReadResult[] {
    if (this.failed) return [];
    const q = this.queue;
    q.push(chunk);
    const results: FlvReadResult[] = [];

    if (!this.headerDone) {
      if (q.length < 13) return results;
      if (q.byteAt(0) !== 0x46 || q.byteAt(1) !== 0x4c || q.byteAt(2) !== 0x56) {
        return this.fail(results, 'the stream does not start with an FLV header');
      }
      const headerSize = readU32(q, 5);
      if (headerSize < 9 || headerSize > 1024) {
        return this.fail(results, `FLV header size ${headerSize} is invalid`);
      }
      if (q.length < headerSize + 4) return results;
      const flags = q.byteAt(4);
      results.push({ kind: 'header', audio: (flags & 0x04) !== 0, video: (flags & 0x01) !== 0 });
      q.skip(headerSize + 4);
      this.headerDone = true;
    }

    for (;;) {
      if (!this.tag) {
        if (q.length < 11) break;
        const type = q.byteAt(0) & 0x1f;
        const size = (q.byteAt(1) << 16) | (q.byteAt(2) << 8) | q.byteAt(3);
        if (type !== 8 && type !== 9 && type !== 18) {
          return this.fail(results, `unknown FLV tag type ${type}`);
        }
        if (size > MAX_TAG_SIZE) return this.fail(results, `FLV tag of ${size} bytes is too large`);
        const timestamp =
          ((q.byteAt(7) << 24) | (q.byteAt(4) << 16) | (q.byteAt(5) << 8) | q.byteAt(6)) >>> 0;
        this.tag = { type: type as FlvTagType, size, timestamp };
      }
      const { type, size, timestamp } = this.tag;
      if (q.length < 11 + size + 4) break;
      q.skip(11);
      const data = q.readCopy(size);
      q.skip(4);
      results.push({ kind: 'tag', tag: { type, timestamp, data } });
      this.tag = undefined;
    }
    return results;
  }

  /** Bytes held waiting for the rest of a tag. */
  get pendingBytes(): number {
    return this.queue.length;
  }

  private fail(results: FlvReadResult[], message: string): FlvReadResult[] {
    this.failed = true;
    this.queue.clear();
    this.tag = undefined;
    results.push({ kind: 'error', message });
    return results;
  }
}

function readU32(q: ChunkQueue, at: number): number {
  return (
    ((q.byteAt(at) << 24) |
      (q.byteAt(at + 1) << 16) |
      (q.byteAt(at + 2) << 8) |
      q.byteAt(at + 3)) >>>
    0
  );
}
