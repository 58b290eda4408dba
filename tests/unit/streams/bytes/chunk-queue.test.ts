import { describe, expect, it } from 'vitest';
import {
  ChunkQueue,
  parserCost,
  resetParserCost,
} from '../../../../electron/streams/bytes/chunk-queue';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const str = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function queueOf(...parts: string[]): ChunkQueue {
  const q = new ChunkQueue();
  for (const part of parts) q.push(text(part));
  return q;
}

describe('ChunkQueue', () => {
  it('peeks, reads across chunks and tracks the stream position', () => {
    const q = queueOf('ab', '', 'cde', 'f');
    expect(q.length).toBe(6);
    expect([0, 1, 2, 5].map((i) => String.fromCharCode(q.byteAt(i)))).toEqual(['a', 'b', 'c', 'f']);
    expect(str(q.read(1))).toBe('a');
    expect(str(q.read(3))).toBe('bcd');
    expect(q.position).toBe(4);
    expect(str(q.copyFront(2))).toBe('ef');
    expect(q.length).toBe(2);
    q.skip(2);
    expect(q.length).toBe(0);
  });

  it('returns a view when the bytes lie in one chunk and a copy when they span two', () => {
    const chunk = text('abcdef');
    const q = new ChunkQueue();
    q.push(chunk);
    q.push(text('gh'));
    resetParserCost();
    expect(q.read(4).buffer).toBe(chunk.buffer);
    expect(parserCost.copied).toBe(0);
    const spanning = q.read(3);
    expect(str(spanning)).toBe('efg');
    expect(spanning.buffer).not.toBe(chunk.buffer);
    expect(parserCost.copied).toBe(3);
    expect(q.readCopy(1).buffer).not.toBe(chunk.buffer);
  });

  it('finds LF LF and LF CR LF blank lines, waiting for a split CR LF', () => {
    expect(queueOf('A\n\nb').indexOfBlankLine(100)).toBe(1);
    const q = queueOf('RTSP/1.0 200 OK\r\nCSeq: 1\r\n', '\r');
    expect(q.indexOfBlankLine(100)).toBe(-1);
    q.push(text('\nbody'));
    expect(q.indexOfBlankLine(100)).toBe(25);
    expect(q.blankLineLength).toBe(3);
  });

  it('resumes the search instead of rescanning: each byte is scanned about once', () => {
    const q = new ChunkQueue();
    resetParserCost();
    for (let i = 0; i < 10_000; i++) {
      q.push(text(i % 10 === 9 ? '\n' : 'x'));
      expect(q.indexOfBlankLine(1 << 20)).toBe(-1);
    }
    q.push(text('\n'));
    expect(q.indexOfBlankLine(1 << 20)).toBe(9_999);
    expect(parserCost.scanned).toBeLessThan(2 * 10_001);
  });

  it('looks no further than maxStart, and restarts after the read point passes a match', () => {
    const q = queueOf('abc\n\n', 'x\n\n');
    expect(q.indexOfBlankLine(2)).toBe(-1);
    expect(q.indexOfBlankLine(10)).toBe(3);
    q.skip(5);
    expect(q.indexOfBlankLine(10)).toBe(1);
  });

  it('counts leading bytes that pass a test, across chunks', () => {
    const q = queueOf('  ', ' x ');
    expect(q.countWhile((c) => c === 0x20, 100)).toBe(3);
    expect(q.countWhile((c) => c === 0x20, 2)).toBe(2);
  });

  it('drops consumed chunks as it goes', () => {
    const q = new ChunkQueue();
    for (let i = 0; i < 1000; i++) q.push(Uint8Array.of(i & 0xff));
    for (let i = 0; i < 999; i++) expect(q.read(1)[0]).toBe(i & 0xff);
    expect(q.byteAt(0)).toBe(999 & 0xff);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.position).toBe(1000);
  });
});
