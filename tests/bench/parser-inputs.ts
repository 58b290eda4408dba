// Adversarial inputs for the stream readers, shared by the parser-cost benchmark and the
// linearity unit test: the shapes that made the pre-fix readers quadratic.

/** Splits bytes into pieces of `size`, as a socket might deliver them. */
export function pieces(input: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < input.length; at += size) out.push(input.subarray(at, at + size));
  return out;
}

/**
 * A `size`-byte invalid RTSP head (one line of capitals and the blank line), then a 3-byte
 * interleaved frame that must still be found after it.
 */
export function capitalsLine(size: number): Uint8Array {
  const out = new Uint8Array(size + 7).fill(0x41);
  out.set([0x0d, 0x0a, 0x0d, 0x0a, 0x24, 0, 0, 3, 1, 2, 3], size - 4);
  return out;
}

/** `count` interleaved frames ('$', channel 0, length) of `size` bytes of RTP-like payload. */
export function interleavedRtp(count: number, size: number): Uint8Array {
  const frame = new Uint8Array(4 + size);
  frame.set([0x24, 0, size >> 8, size & 0xff, 0x80, 96]);
  for (let i = 6; i < frame.length; i++) frame[i] = (i * 31) & 0xff;
  const out = new Uint8Array(count * frame.length);
  for (let k = 0; k < count; k++) out.set(frame, k * frame.length);
  return out;
}

/** An FLV header and one video tag with `size` bytes of data (a large keyframe). */
export function largeFlvTag(size: number): Uint8Array {
  const header = [0x46, 0x4c, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0];
  const out = new Uint8Array(header.length + 11 + size + 4);
  out.set(header);
  out.set([9, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff], header.length);
  out[header.length + 11] = 0x17;
  const total = 11 + size;
  out.set([total >>> 24, (total >> 16) & 0xff, (total >> 8) & 0xff, total & 0xff], out.length - 4);
  return out;
}
