// Cuts an MPEG-TS byte stream (ISO/IEC 13818-1), arriving in chunks of any size, into
// 188-byte packets. Sync is taken only where two sync bytes sit one packet apart, so a stray
// 0x47 in garbage rarely locks; when a packet boundary holds anything else, the lock is lost
// and the search restarts there. At most one packet of bytes is carried between pushes, and
// payloads are handed out as views, so the cost is linear in the bytes, whatever the chunking.

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
  /** A view into the caller's chunk or the carry buffer, valid during the callback only. */
  payload: Uint8Array;
}

export class TsPacketReader {
  /** Bytes kept between pushes: under one packet, plus the confirming sync byte. */
  private readonly carry = new Uint8Array(2 * TS_PACKET_SIZE);
  private carryLength = 0;
  private locked = false;
  /** Bytes skipped while searching for sync: garbage, or a stream that is not TS. */
  skippedBytes = 0;
  /** Packets dropped for a transport error flag or an impossible adaptation field. */
  badPackets = 0;
  packets = 0;
  syncLosses = 0;

  /** Calls onPacket for each packet; its payload is valid only during the call. */
  push(chunk: Uint8Array, onPacket: (packet: TsPacket) => void): void {
    let data = chunk;
    if (this.carryLength > 0) {
      // Small chunks collect in the carry until a packet (and its sync check) fits, so
      // one-byte pushes cost O(1) each rather than a copy of the carry.
      if (this.carryLength + chunk.length <= this.carry.length) {
        this.carry.set(chunk, this.carryLength);
        this.carryLength += chunk.length;
        if (this.carryLength < TS_PACKET_SIZE) return;
        data = this.carry.subarray(0, this.carryLength);
      } else {
        data = new Uint8Array(this.carryLength + chunk.length);
        data.set(this.carry.subarray(0, this.carryLength), 0);
        data.set(chunk, this.carryLength);
      }
    }
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
        if (packet) onPacket(packet);
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
    // At most 188 bytes remain. Copied: the caller may reuse its chunk, and a view would pin it.
    this.carryLength = len - at;
    if (data.buffer === this.carry.buffer) {
      this.carry.copyWithin(0, at, len);
    } else {
      this.carry.set(data.subarray(at, len), 0);
    }
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
