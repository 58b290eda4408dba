// The bit reader under the SPS parsers, on hand-made bit strings: MSB-first order, the exact
// point where an overrun starts (a truncated SPS must yield defaults, never an exception),
// Exp-Golomb codes at their edges, and RBSP unescaping.
import { describe, expect, it } from 'vitest';
import { BitReader, unescapeRbsp } from '../../../../electron/streams/codecs/bit-reader';

/** Bytes from a string of 0s and 1s (spaces ignored), padded with 0s to whole bytes. */
function bitsOf(text: string): Uint8Array {
  const bits = text.replace(/\s+/g, '');
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

describe('unescapeRbsp', () => {
  it('removes the 03 after two zero bytes and keeps everything else', () => {
    expect([...unescapeRbsp(Uint8Array.of(0x67, 0, 0, 3, 1, 0x42))]).toEqual([0x67, 0, 0, 1, 0x42]);
    expect([...unescapeRbsp(Uint8Array.of(0, 0, 3, 0, 0, 3, 0))]).toEqual([0, 0, 0, 0, 0]);
    expect([...unescapeRbsp(Uint8Array.of(0, 0, 0, 3, 2))]).toEqual([0, 0, 0, 2]);
    expect([...unescapeRbsp(Uint8Array.of(5, 0, 0, 3))]).toEqual([5, 0, 0]);
  });

  it('keeps a 03 after a single zero, at the start, or right after a removed 03', () => {
    expect([...unescapeRbsp(Uint8Array.of(0, 3, 3))]).toEqual([0, 3, 3]);
    expect([...unescapeRbsp(Uint8Array.of(3, 0, 1))]).toEqual([3, 0, 1]);
    // After 00 00 03 the zero count starts again: the next 03 is data.
    expect([...unescapeRbsp(Uint8Array.of(0, 0, 3, 3))]).toEqual([0, 0, 3]);
    // A non-zero byte between the zeros resets the count.
    expect([...unescapeRbsp(Uint8Array.of(0, 1, 0, 3))]).toEqual([0, 1, 0, 3]);
  });

  it('returns an empty RBSP for an empty NAL unit', () => {
    expect(unescapeRbsp(new Uint8Array(0))).toHaveLength(0);
  });
});

describe('BitReader', () => {
  it('reads bits most significant first, across byte boundaries', () => {
    const r = new BitReader(Uint8Array.of(0b1010_0001, 0b1100_0000));
    expect([r.bit(), r.bit(), r.bit(), r.bit()]).toEqual([1, 0, 1, 0]);
    expect(r.bits(6)).toBe(0b00_0111);
    expect(r.bits(0)).toBe(0);
    expect(r.bits(6)).toBe(0);
    expect(r.overrun).toBe(false);
  });

  it('reads 32 bits as an unsigned number', () => {
    expect(new BitReader(Uint8Array.of(0xff, 0xff, 0xff, 0xfe)).bits(32)).toBe(0xffff_fffe);
  });

  it('flags an overrun only when a bit past the end is read, and reads it as 0', () => {
    const r = new BitReader(Uint8Array.of(0xff));
    expect(r.bits(8)).toBe(0xff);
    expect(r.overrun).toBe(false);
    expect(r.bit()).toBe(0);
    expect(r.overrun).toBe(true);
    expect(r.bits(3)).toBe(0);
  });

  it('skips to exactly the end without an overrun, and one bit further with one', () => {
    const r = new BitReader(Uint8Array.of(0, 0x01));
    r.skip(15);
    expect(r.overrun).toBe(false);
    expect(r.bit()).toBe(1); // skip moved by bits, not bytes
    const s = new BitReader(Uint8Array.of(0, 0));
    s.skip(16);
    expect(s.overrun).toBe(false);
    s.skip(1);
    expect(s.overrun).toBe(true);
  });

  it('decodes Exp-Golomb ue(v) codes', () => {
    const r = new BitReader(bitsOf('1 010 011 00100 00101 0001000 000011111'));
    expect([r.ue(), r.ue(), r.ue(), r.ue(), r.ue(), r.ue(), r.ue()]).toEqual([
      0, 1, 2, 3, 4, 7, 30,
    ]);
    expect(r.overrun).toBe(false);
  });

  it('decodes the longest ue(v) it accepts, 31 leading zeros, and refuses 32 as 0', () => {
    const longest = new BitReader(bitsOf(`${'0'.repeat(31)}1${'1'.repeat(31)}`));
    expect(longest.ue()).toBe(2 ** 32 - 2);
    expect(longest.overrun).toBe(false);
    const tooLong = new BitReader(bitsOf(`${'0'.repeat(32)}1${'1'.repeat(32)}`));
    expect(tooLong.ue()).toBe(0);
  });

  it('gives 0 for a ue(v) cut off by the end of the data, and says so', () => {
    const r = new BitReader(bitsOf('0000 0000'));
    expect(r.ue()).toBe(0);
    expect(r.overrun).toBe(true);
    const suffixCut = new BitReader(Uint8Array.of(0b0000_0001)); // 7 zeros, 1, suffix missing
    expect(suffixCut.ue()).toBe(2 ** 7 - 1);
    expect(suffixCut.overrun).toBe(true);
  });

  it('maps se(v) as 0, 1, −1, 2, −2 …', () => {
    const r = new BitReader(bitsOf('1 010 011 00100 00101'));
    // se(v) of k = 0 is −0, which equals 0 in every use; + 0 turns it into 0 for toEqual.
    expect([r.se(), r.se(), r.se(), r.se(), r.se()].map((v) => v + 0)).toEqual([0, 1, -1, 2, -2]);
  });
});
