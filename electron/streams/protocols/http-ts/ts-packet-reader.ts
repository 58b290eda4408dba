// Cuts an MPEG-TS byte stream (ISO/IEC 13818-1), arriving in chunks of any size, into
// 188-byte packets. Sync is taken only where two sync bytes sit one packet apart, so a stray
// 0x47 in garbage rarely locks; when a packet boundary holds anything else, the lock is lost
// and the search restarts there. At most one packet of bytes is carried between pushes.

export const TS_PACKET_SIZE = 188;
const SYNC_BYTE = 0x47;

export interface TsPacket {
  pid: number;
  payloadUnitStart: boolean;
  continuityCounter: number;
  /** adaptation_field_control says a payload follows (the counter advances only then). */
  hasPayload: boolean;
  /** discontinuity_indicator: the counter may jump here without anything being lost. */
  discontinuity: boolean;
  randomAccess: boolean;
  /** A view into the caller's chunk or the carry buffer: copy it to keep it. */
  payload: Uint8Array;
}

export class TsPacketReader {
  private carry: Uint8Array = new Uint8Array(0);
  private locked = false;
  /** Bytes skipped while searching for sync: garbage, or a stream that is not TS. */
  skippedBytes = 0;
  /** Packets dropped for a transport error flag or an impossible adaptation field. */
  badPackets = 0;
  packets = 0;
  syncLosses = 0;

  push(chunk: Uint8Array): TsPacket[] {
    const data = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
    const out: TsPacket[] = [];
    const len = data.length;
    let at = 0;
    for (;;) {
      if (this.locked) {
        if (at + TS_PACKET_SIZE > len) break;
        if (data[at] !== SYNC_BYTE) {
          this.locked = false;
          this.syncLosses++;
          continue;
        }
        const packet = this.parse(data, at);
        if (packet) out.push(packet);
        at += TS_PACKET_SIZE;
        continue;
      }
      if (at >= len) break;
      if (data[at] !== SYNC_BYTE) {
        at++;
        this.skippedBytes++;
        continue;
      }
      // Confirm with the next packet's sync byte; wait for it when it has not arrived.
      if (at + TS_PACKET_SIZE >= len) break;
      if (data[at + TS_PACKET_SIZE] === SYNC_BYTE) this.locked = true;
      else {
        at++;
        this.skippedBytes++;
      }
    }
    // Copied: the caller may reuse its chunk, and a view would pin it.
    this.carry = data.slice(at);
    return out;
  }

  private parse(data: Uint8Array, at: number): TsPacket | undefined {
    const b1 = data[at + 1]!;
    const b3 = data[at + 3]!;
    const control = (b3 >> 4) & 0x03;
    // A transport error means the bytes are known bad; the counter gap that follows makes
    // the demuxer wait for the next IDR. Control 0 is reserved and carries nothing usable.
    if (b1 & 0x80 || control === 0) {
      this.badPackets++;
      return undefined;
    }
    const end = at + TS_PACKET_SIZE;
    let start = at + 4;
    let discontinuity = false;
    let randomAccess = false;
    if (control & 0x02) {
      const fieldLength = data[start]!;
      if (fieldLength > 0) {
        const flags = data[start + 1]!;
        discontinuity = (flags & 0x80) !== 0;
        randomAccess = (flags & 0x40) !== 0;
      }
      start += 1 + fieldLength;
      if (start > end) {
        this.badPackets++;
        return undefined;
      }
    }
    this.packets++;
    return {
      pid: ((b1 & 0x1f) << 8) | data[at + 2]!,
      payloadUnitStart: (b1 & 0x40) !== 0,
      continuityCounter: b3 & 0x0f,
      hasPayload: (control & 0x01) !== 0,
      discontinuity,
      randomAccess,
      payload: control & 0x01 ? data.subarray(start, end) : data.subarray(end, end),
    };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
