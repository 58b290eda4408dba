// RTP fixed header (RFC 3550 5.1), with CSRC list, header extension and padding. Returns
// null for anything that is not a well-formed version-2 packet; never reads out of bounds.

export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequence: number;
  timestamp: number; // unsigned 32-bit
  ssrc: number;
  payload: Uint8Array;
}

export function parseRtp(b: Uint8Array): RtpPacket | null {
  if (b.length < 12) return null;
  const v = b[0]! >> 6;
  if (v !== 2) return null;
  const padding = (b[0]! & 0x20) !== 0;
  const extension = (b[0]! & 0x10) !== 0;
  const csrcCount = b[0]! & 0x0f;
  let offset = 12 + csrcCount * 4;
  if (extension) {
    if (b.length < offset + 4) return null;
    const words = (b[offset + 2]! << 8) | b[offset + 3]!;
    offset += 4 + words * 4;
  }
  let end = b.length;
  if (padding) {
    const pad = b[b.length - 1]!;
    if (pad === 0 || pad > end - offset) return null;
    end -= pad;
  }
  if (offset > end) return null;
  return {
    payloadType: b[1]! & 0x7f,
    marker: (b[1]! & 0x80) !== 0,
    sequence: (b[2]! << 8) | b[3]!,
    timestamp: ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0,
    ssrc: ((b[8]! << 24) | (b[9]! << 16) | (b[10]! << 8) | b[11]!) >>> 0,
    payload: b.subarray(offset, end),
  };
}

/**
 * Converts 32-bit RTP timestamps to milliseconds from the first packet, across wrap-around
 * (at 90 kHz the counter wraps every 13.25 hours, and cameras start it at a random value).
 * The result never goes backwards, because FLV decode timestamps must not.
 */
export class RtpClock {
  private last: number | undefined;
  private extended = 0;
  private lastMs = 0;

  constructor(private readonly clockRate: number) {}

  toMs(timestamp: number): number {
    if (this.last === undefined) {
      this.last = timestamp >>> 0;
      return 0;
    }
    const delta = ((timestamp >>> 0) - this.last) | 0; // signed 32-bit difference
    this.last = timestamp >>> 0;
    this.extended += delta;
    const ms = Math.round((this.extended * 1000) / this.clockRate);
    if (ms > this.lastMs) this.lastMs = ms;
    return this.lastMs;
  }
}
