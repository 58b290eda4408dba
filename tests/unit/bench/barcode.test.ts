import { describe, expect, it } from 'vitest';
import {
  BARCODE_BLOCK,
  BARCODE_BLOCKS,
  barcodeBits,
  barcodeChecksum,
  barcodeFilterGraph,
  barcodeGeqExpression,
  decodeBarcodeRgba,
  unwrapEpochMs,
} from '../../bench/barcode';

const WIDTH = 640;

/** Draws the barcode the way the encoder does, as RGBA rows, with optional noise. */
function drawStrip(value: number, noise = 0, seed = 1): Uint8ClampedArray {
  const data = new Uint8ClampedArray(WIDTH * BARCODE_BLOCK * 4);
  const bits = barcodeBits(value);
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2 * noise;
  for (let y = 0; y < BARCODE_BLOCK; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const bit = bits[Math.floor(x / BARCODE_BLOCK)] ?? 0;
      const luma = (bit ? 235 : 16) + rand();
      const i = (y * WIDTH + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = luma;
      data[i + 3] = 255;
    }
  }
  return data;
}

describe('barcode', () => {
  it('has 40 blocks of 16 px: 32 data bits and an 8-bit checksum', () => {
    expect(BARCODE_BLOCKS * BARCODE_BLOCK).toBe(640);
    expect(barcodeBits(0xdeadbeef)).toHaveLength(40);
  });

  it('round-trips values across the 32-bit range', () => {
    for (const value of [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 1795939009844 % 2 ** 32]) {
      expect(decodeBarcodeRgba(drawStrip(value), WIDTH)).toBe(value);
    }
  });

  it('reads through compression-like noise', () => {
    expect(decodeBarcodeRgba(drawStrip(123456789, 60, 7), WIDTH)).toBe(123456789);
  });

  it('rejects a strip whose checksum does not match (a torn or foreign picture)', () => {
    const strip = drawStrip(987654321);
    // Flip the first data block to white/black.
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const i = (y * WIDTH + x) * 4;
        const flipped = strip[i]! > 128 ? 16 : 235;
        strip[i] = strip[i + 1] = strip[i + 2] = flipped;
      }
    }
    expect(decodeBarcodeRgba(strip, WIDTH)).toBeNull();
  });

  it('never validates an all-black strip', () => {
    expect(decodeBarcodeRgba(new Uint8ClampedArray(WIDTH * 16 * 4), WIDTH)).toBeNull();
    expect(barcodeChecksum(0)).not.toBe(0);
  });

  it('unwraps the 32-bit clock to the epoch nearest to now', () => {
    const now = 1_795_939_009_844;
    expect(unwrapEpochMs((now - 250) % 2 ** 32, now)).toBe(now - 250);
    // Encoded just before a wrap, read just after it.
    const wrapAt = Math.ceil(now / 2 ** 32) * 2 ** 32;
    expect(unwrapEpochMs((wrapAt - 100) % 2 ** 32, wrapAt + 50)).toBe(wrapAt - 100);
  });

  it('escapes the ffmpeg expression for a filter graph', () => {
    const expr = barcodeGeqExpression();
    expect(expr).not.toMatch(/(^|[^\\]),/);
    expect(expr).not.toContain(';');
    expect(barcodeFilterGraph(640, 25)).toContain('setpts=N*40000');
    expect(() => barcodeFilterGraph(320, 25)).toThrow(/640/);
  });
});
