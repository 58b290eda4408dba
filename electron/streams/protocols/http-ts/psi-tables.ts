// Program-specific information (ISO/IEC 13818-1 2.4.4): reassembles PAT and PMT sections
// across packets, checks their CRC (so garbage that happens to hold a sync byte cannot pose
// as a program), and reads which PID carries which elementary stream.

/** A section is at most 1024 bytes (section_length ≤ 1021); anything longer is garbage. */
const MAX_SECTION_BYTES = 1024;
export const TABLE_PAT = 0x00;
export const TABLE_PMT = 0x02;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC-32/MPEG-2: over a whole section including its CRC field, a valid one gives 0. */
export function crc32Mpeg(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]!) & 0xff]!) >>> 0;
  }
  return crc >>> 0;
}

/** Collects the sections of one PID; returns those complete with a valid CRC. */
export class SectionAssembler {
  private pending: number[] | undefined;

  push(payloadUnitStart: boolean, payload: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (!payloadUnitStart) {
      if (this.pending) this.append(payload, out);
      return out;
    }
    // pointer_field: bytes before it finish the previous section.
    const pointer = payload[0] ?? 0;
    if (this.pending) this.append(payload.subarray(1, 1 + pointer), out);
    this.pending = [];
    this.append(payload.subarray(1 + pointer), out);
    return out;
  }

  /** A lost packet: whatever was half-collected is unusable. */
  reset(): void {
    this.pending = undefined;
  }

  private append(bytes: Uint8Array, out: Uint8Array[]): void {
    const pending = this.pending!;
    for (const b of bytes) pending.push(b);
    // Several sections may share a packet; 0xFF where a table_id would be is stuffing.
    for (;;) {
      // A new section starts only in a packet that says so (pointer_field), never mid-run.
      if (pending.length === 0 || pending[0] === 0xff) {
        this.pending = undefined;
        return;
      }
      if (pending.length < 3) return;
      const total = 3 + (((pending[1]! & 0x0f) << 8) | pending[2]!);
      if (total > MAX_SECTION_BYTES || total < 3 + 5 + 4) {
        this.pending = undefined;
        return;
      }
      if (pending.length < total) return;
      const section = Uint8Array.from(pending.splice(0, total));
      if (crc32Mpeg(section) === 0) out.push(section);
    }
  }
}

/** The PMT PID of the first program in a PAT (program 0 points at the NIT, not a program). */
export function readPat(section: Uint8Array): number | undefined {
  if (section[0] !== TABLE_PAT || !currentSection(section)) return undefined;
  for (let at = 8; at + 4 <= section.length - 4; at += 4) {
    const program = (section[at]! << 8) | section[at + 1]!;
    if (program !== 0) return ((section[at + 2]! & 0x1f) << 8) | section[at + 3]!;
  }
  return undefined;
}

export interface PmtStream {
  streamType: number;
  pid: number;
}

export function readPmt(section: Uint8Array): PmtStream[] | undefined {
  if (section[0] !== TABLE_PMT || !currentSection(section)) return undefined;
  const end = section.length - 4;
  let at = 12 + (((section[10]! & 0x0f) << 8) | section[11]!);
  const streams: PmtStream[] = [];
  while (at + 5 <= end) {
    streams.push({
      streamType: section[at]!,
      pid: ((section[at + 1]! & 0x1f) << 8) | section[at + 2]!,
    });
    at += 5 + (((section[at + 3]! & 0x0f) << 8) | section[at + 4]!);
  }
  return streams;
}

/** current_next_indicator: a table announced for later must not replace the one in use. */
function currentSection(section: Uint8Array): boolean {
  return section.length >= 12 && (section[5]! & 0x01) === 1;
}

/** Video stream types: 0x1B H.264 and 0x24 H.265 we play; the rest we can only name. */
export const STREAM_TYPE_H264 = 0x1b;
export const STREAM_TYPE_H265 = 0x24;
const OTHER_VIDEO: Record<number, string> = {
  0x01: 'MPEG-1 video',
  0x02: 'MPEG-2 video',
  0x10: 'MPEG-4 Part 2 video',
  0x20: 'H.264 MVC',
  0x33: 'H.266 (VVC)',
  0x42: 'AVS video',
  0xd1: 'Dirac',
  0xea: 'VC-1',
};

export function otherVideoName(streamType: number): string | undefined {
  return OTHER_VIDEO[streamType];
}
