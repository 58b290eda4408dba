// The timestamp barcode drawn into the live source and read back from presented frames, for
// glass-to-glass latency. The top 16 rows hold 40 blocks of 16x16 (aligned to H.264
// macroblocks, so compression keeps them crisp): 32 bits of the wall clock in ms modulo 2^32,
// most significant first, then an 8-bit checksum that rejects torn or smeared reads.

export const BARCODE_BLOCK = 16;
export const BARCODE_DATA_BITS = 32;
export const BARCODE_CHECK_BITS = 8;
export const BARCODE_BLOCKS = BARCODE_DATA_BITS + BARCODE_CHECK_BITS;
const CHECK_SALT = 0xa5; // so an all-black strip (value 0, checksum 0) never validates
const TWO_32 = 2 ** 32;

/** Sum of the four bytes mod 256, xor the salt. */
export function barcodeChecksum(value: number): number {
  const v = value >>> 0;
  const sum = ((v & 0xff) + ((v >>> 8) & 0xff) + ((v >>> 16) & 0xff) + (v >>> 24)) & 0xff;
  return sum ^ CHECK_SALT;
}

/** The 40 bits for a value, as the encoder draws them. */
export function barcodeBits(value: number): number[] {
  const v = value >>> 0;
  const check = barcodeChecksum(v);
  const bits: number[] = [];
  for (let i = 0; i < BARCODE_DATA_BITS; i++) bits.push((v >>> (31 - i)) & 1);
  for (let i = 0; i < BARCODE_CHECK_BITS; i++) bits.push((check >> (7 - i)) & 1);
  return bits;
}

/**
 * Reads the barcode from RGBA pixels of the top rows (row stride `width * 4`). Returns the
 * 32-bit value, or null when the checksum fails. Self-contained (no outside names): it is
 * also serialised into the benchmark page.
 */
export function decodeBarcodeRgba(data: ArrayLike<number>, width: number): number | null {
  const block = 16;
  const bits: number[] = [];
  for (let b = 0; b < 40; b++) {
    let sum = 0;
    let count = 0;
    // The block's centre 8x8: edges smear under compression and scaling.
    for (let y = 4; y < 12; y++) {
      for (let x = b * block + 4; x < b * block + 12; x++) {
        const i = (y * width + x) * 4;
        sum += 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
        count++;
      }
    }
    bits.push(sum / count > 128 ? 1 : 0);
  }
  let value = 0;
  for (let i = 0; i < 32; i++) value = value * 2 + (bits[i] ?? 0);
  let check = 0;
  for (let i = 32; i < 40; i++) check = check * 2 + (bits[i] ?? 0);
  const v = value >>> 0;
  const sum = ((v & 0xff) + ((v >>> 8) & 0xff) + ((v >>> 16) & 0xff) + (v >>> 24)) & 0xff;
  return (sum ^ 0xa5) === check ? value : null;
}

/** The full epoch ms nearest to `nowMs` whose low 32 bits are `value` (wraps every 49.7 days). */
export function unwrapEpochMs(value: number, nowMs: number): number {
  const base = nowMs - (nowMs % TWO_32);
  const candidates = [base - TWO_32 + value, base + value, base + TWO_32 + value];
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(c - nowMs) < Math.abs(best - nowMs)) best = c;
  return best;
}

/**
 * The ffmpeg geq luma expression that draws one bit per pixel of a 40x2 strip (X = bit
 * index) from T, the frame time in seconds, which the filter graph sets to the wall clock.
 * `st`/`ld` hold intermediate values; their sum-and-subtract form avoids `;`, which a filter
 * graph would read as a separator. Commas are escaped for the graph.
 */
export function barcodeGeqExpression(): string {
  const expr = [
    'st(0,mod(floor(T*1000),4294967296))',
    'st(1,X)',
    'st(2,mod(mod(ld(0),256)+mod(floor(ld(0)/256),256)+mod(floor(ld(0)/65536),256)+floor(ld(0)/16777216),256))',
    `st(3,bitor(ld(2),${CHECK_SALT})-bitand(ld(2),${CHECK_SALT}))`,
    '16+219*if(lt(ld(1),32),mod(floor(ld(0)/pow(2,31-ld(1))),2),mod(floor(ld(3)/pow(2,39-ld(1))),2))',
    '-ld(0)-ld(1)-ld(2)-ld(3)',
  ].join('+');
  return expr.replace(/\+-/g, '-').replace(/,/g, '\\,');
}

/**
 * The filter graph: stamp each frame with the wall clock (setpts=RTCTIME in µs), draw the
 * 40x2 bit strip scaled to 640x16 over the top rows, then give the encoder plain 25 fps
 * timestamps again.
 */
export function barcodeFilterGraph(width: number, fps: number): string {
  if (width < BARCODE_BLOCKS * BARCODE_BLOCK) {
    throw new Error(
      `the barcode needs a picture at least ${BARCODE_BLOCKS * BARCODE_BLOCK} px wide`,
    );
  }
  const frameUs = Math.round(1_000_000 / fps);
  return (
    `[0:v]settb=AVTB,setpts=RTCTIME,split[pic][src];` +
    `[src]crop=${BARCODE_BLOCKS}:2:0:0,format=gray,geq=lum=${barcodeGeqExpression()},` +
    `scale=${BARCODE_BLOCKS * BARCODE_BLOCK}:${BARCODE_BLOCK}:flags=neighbor,format=yuv420p[bar];` +
    `[pic][bar]overlay=0:0,setpts=N*${frameUs}[out]`
  );
}
