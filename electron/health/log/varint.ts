// LEB128-style variable-length integers. Arithmetic instead of bitwise operators because
// epoch milliseconds need 41 bits and JavaScript's bitwise operators truncate to 32.

export function pushVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) + 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Signed values (times before a segment's base) as zigzag: 0,-1,1,-2 → 0,1,2,3. */
export function pushSigned(out: number[], value: number): void {
  pushVarint(out, value >= 0 ? value * 2 : -value * 2 - 1);
}

export class DecodeError extends Error {}

/** Reads varints and strings from a payload; throws DecodeError on anything malformed. */
export class Cursor {
  private pos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i += 1) {
      const byte = this.byte();
      value += (byte % 0x80) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new DecodeError('varint too long');
  }

  signed(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  byte(): number {
    const b = this.bytes[this.pos];
    if (b === undefined) throw new DecodeError('payload ends early');
    this.pos += 1;
    return b;
  }

  /** The rest of the payload as UTF-8; fatal so damage is not silently turned into U+FFFD. */
  rest(): string {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.pos));
      this.pos = this.bytes.length;
      return text;
    } catch {
      throw new DecodeError('invalid UTF-8');
    }
  }

  end(): void {
    if (this.pos !== this.bytes.length) throw new DecodeError('trailing bytes in payload');
  }
}
