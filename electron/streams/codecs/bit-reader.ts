// Bit-level reading of H.264/H.265 parameter sets (RBSP, Exp-Golomb). Tolerant by design:
// past the end it reads zeros and flags the overrun, so a truncated or odd SPS from a camera
// yields defaults instead of an exception on the stream path.

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
