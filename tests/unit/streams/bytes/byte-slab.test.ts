// ByteSlab hands out pieces of shared slabs: a piece must be the size asked, never overlap
// another piece still in use, and a large piece must not take a slab's room.
import { describe, expect, it } from 'vitest';
import { ByteSlab } from '../../../../electron/streams/bytes/byte-slab';

describe('ByteSlab', () => {
  it('hands out pieces that never share a byte, across slabs', () => {
    const slab = new ByteSlab(1024);
    const pieces = Array.from({ length: 200 }, (_, i) => slab.take(1 + ((i * 37) % 256)));
    pieces.forEach((piece, i) => piece.fill(i & 0xff));
    pieces.forEach((piece, i) => {
      expect(piece.length).toBe(1 + ((i * 37) % 256));
      expect(piece.every((b) => b === (i & 0xff))).toBe(true);
    });
    // Pieces come from a few slabs, not one buffer each.
    expect(new Set(pieces.map((p) => p.buffer)).size).toBeLessThan(pieces.length / 4);
  });

  it('gives a piece over a quarter of the slab a buffer of its own', () => {
    const slab = new ByteSlab(1024);
    const small = slab.take(10);
    const large = slab.take(257);
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.byteLength).toBe(large.buffer.byteLength);
    expect(slab.take(10).buffer).toBe(small.buffer);
  });
});
