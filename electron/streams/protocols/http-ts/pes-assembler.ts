// Reassembles one PID's PES packets (ISO/IEC 13818-1 2.4.3.6) from TS payloads. A PES ends
// where its PES_packet_length says or, for video (length 0, "unbounded"), where the next one
// starts. Payload is copied into one growing buffer, so reassembly is linear in its size.

/** Larger than any sane picture (a 4K IDR at high bitrate is ~1-2 MB); beyond it, garbage. */
export const MAX_PES_BYTES = 8 * 1024 * 1024;
const PES_HEADER_BYTES = 9;

export interface PesPacket {
  /** 33-bit, 90 kHz. */
  pts: number;
  /** 33-bit, 90 kHz; equal to pts when the header carries no DTS. */
  dts: number;
  /** The elementary stream bytes (for video: Annex-B NAL units). */
  data: Uint8Array;
}

export type PesResult = PesPacket | 'broken' | undefined;

export class PesAssembler {
  private buffer = new Uint8Array(64 * 1024);
  private size = 0;
  private collecting = false;
  /** Total length when PES_packet_length gives it, else 0. */
  private expected = 0;

  /** Before a payload_unit_start: finishes the PES in progress, if any. */
  end(): PesResult {
    return this.collecting ? this.finish() : undefined;
  }

  /** A payload_unit_start: starts the next PES (which a stated length may already finish). */
  begin(payload: Uint8Array): PesResult {
    this.collecting = true;
    this.size = 0;
    this.expected = 0;
    return this.append(payload);
  }

  /** A continuation. Returns a PES completed by its stated length, or 'broken' on overflow. */
  append(payload: Uint8Array): PesResult {
    if (!this.collecting) return undefined;
    if (this.size + payload.length > MAX_PES_BYTES) {
      this.drop();
      return 'broken';
    }
    this.reserve(this.size + payload.length);
    this.buffer.set(payload, this.size);
    this.size += payload.length;
    if (this.expected === 0 && this.size >= 6) {
      const length = (this.buffer[4]! << 8) | this.buffer[5]!;
      this.expected = length === 0 ? 0 : 6 + length;
    }
    if (this.expected !== 0 && this.size >= this.expected) {
      this.collecting = false;
      return this.read(this.buffer.slice(0, this.expected));
    }
    return undefined;
  }

  /** Packets were lost: the PES in progress is unusable, and nothing is kept until the next. */
  drop(): void {
    this.collecting = false;
    this.size = 0;
    this.expected = 0;
  }

  private finish(): PesResult {
    this.collecting = false;
    // A stated length that was not reached means packets went missing.
    if (this.expected !== 0) return 'broken';
    return this.read(this.buffer.slice(0, this.size));
  }

  private read(bytes: Uint8Array): PesResult {
    if (bytes.length < PES_HEADER_BYTES || bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 1) {
      return 'broken';
    }
    const flags = bytes[7]! >> 6;
    const start = PES_HEADER_BYTES + bytes[8]!;
    // '10' marker bits of the optional header; PTS is needed to place the picture in time.
    if ((bytes[6]! & 0xc0) !== 0x80 || flags < 2 || start > bytes.length) return 'broken';
    if (bytes[8]! < (flags === 3 ? 10 : 5)) return 'broken';
    const pts = readTimestamp(bytes, 9);
    const dts = flags === 3 ? readTimestamp(bytes, 14) : pts;
    return { pts, dts, data: bytes.subarray(start) };
  }

  private reserve(size: number): void {
    if (size <= this.buffer.length) return;
    const grown = new Uint8Array(Math.min(MAX_PES_BYTES, Math.max(size, this.buffer.length * 2)));
    grown.set(this.buffer.subarray(0, this.size));
    this.buffer = grown;
  }
}

/** A 33-bit timestamp spread over 5 bytes with marker bits; arithmetic, since it exceeds 32. */
export function readTimestamp(b: Uint8Array, at: number): number {
  const high = (b[at]! >> 1) & 0x07;
  const mid = (b[at + 1]! << 7) | (b[at + 2]! >> 1);
  const low = (b[at + 3]! << 7) | (b[at + 4]! >> 1);
  return high * 2 ** 30 + mid * 2 ** 15 + low;
}
