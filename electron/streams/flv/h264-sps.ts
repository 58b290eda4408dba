// Tolerant readers for H.264/H.265 parameter sets: just enough to fill decoder
// configuration records and to log the picture size. Every reader returns defaults (or
// undefined) on truncated or odd input instead of throwing.

/** Removes emulation-prevention bytes (00 00 03 → 00 00) to get the RBSP. */
export function unescapeRbsp(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(nal.length);
  let n = 0;
  let zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i]!;
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    zeros = b === 0 ? zeros + 1 : 0;
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Reads bits MSB first; past the end it returns zeros and sets `overrun`. */
export class BitReader {
  private pos = 0;
  overrun = false;

  constructor(private readonly data: Uint8Array) {}

  bit(): number {
    const byte = this.data[this.pos >> 3];
    if (byte === undefined) {
      this.overrun = true;
      this.pos++;
      return 0;
    }
    const v = (byte >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return v;
  }

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  }

  skip(n: number): void {
    this.pos += n;
    if (this.pos > this.data.length * 8) this.overrun = true;
  }

  /** Exp-Golomb ue(v); capped at 32 leading zeros so garbage cannot loop long. */
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) {
      if (++zeros > 31 || this.overrun) return 0;
    }
    return zeros === 0 ? 0 : 2 ** zeros - 1 + this.bits(zeros);
  }

  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }
}

export interface H264SpsInfo {
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  width?: number;
  height?: number;
}

/** Reads profile/level (always, from the first bytes) and the size (when it parses). */
export function readH264Sps(sps: Uint8Array): H264SpsInfo | undefined {
  if (sps.length < 4) return undefined;
  const info: H264SpsInfo = { profileIdc: sps[1]!, constraintFlags: sps[2]!, levelIdc: sps[3]! };
  const r = new BitReader(unescapeRbsp(sps.subarray(4)));
  r.ue(); // seq_parameter_set_id
  let chromaFormat = 1;
  if ([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].includes(info.profileIdc)) {
    chromaFormat = r.ue();
    if (chromaFormat === 3) r.bit();
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.bit();
    if (r.bit()) {
      // Scaling lists: skip them (they only matter to the decoder).
      for (let i = 0; i < (chromaFormat === 3 ? 12 : 8); i++) {
        if (!r.bit()) continue;
        const size = i < 6 ? 16 : 64;
        let last = 8;
        let next = 8;
        for (let j = 0; j < size; j++) {
          if (next !== 0) next = (last + r.se() + 256) % 256;
          last = next === 0 ? last : next;
        }
      }
    }
  }
  r.ue(); // log2_max_frame_num_minus4
  const pocType = r.ue();
  if (pocType === 0) r.ue();
  else if (pocType === 1) {
    r.bit();
    r.se();
    r.se();
    const n = Math.min(r.ue(), 255);
    for (let i = 0; i < n; i++) r.se();
  }
  r.ue(); // max_num_ref_frames
  r.bit();
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.bit();
  if (!frameMbsOnly) r.bit();
  r.bit();
  let crop = [0, 0, 0, 0];
  if (r.bit()) crop = [r.ue(), r.ue(), r.ue(), r.ue()];
  if (r.overrun) return info;
  const cropUnitX = chromaFormat === 0 || chromaFormat === 3 ? 1 : 2;
  const cropUnitY = (chromaFormat === 1 ? 2 : 1) * (2 - frameMbsOnly);
  const width = widthMbs * 16 - cropUnitX * (crop[0]! + crop[1]!);
  const height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (crop[2]! + crop[3]!);
  if (width > 0 && height > 0 && width <= 16384 && height <= 16384) {
    info.width = width;
    info.height = height;
  }
  return info;
}
