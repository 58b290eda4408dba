// The small pure pieces: 33-bit timestamp arithmetic across the wrap, PES timestamp bytes,
// and the MPEG-2 CRC that keeps garbage from passing as a program table.
import { describe, expect, it } from 'vitest';
import { TsClock, diff33 } from '../../../../../electron/streams/protocols/http-ts/ts-clock';
import { crc32Mpeg } from '../../../../../electron/streams/protocols/http-ts/psi-tables';
import {
  PesAssembler,
  readTimestamp,
} from '../../../../../electron/streams/protocols/http-ts/pes-assembler';

const WRAP = 2 ** 33;

/** The 5 PTS/DTS bytes for a 33-bit value, with prefix and marker bits. */
function timestampBytes(prefix: number, t: number): number[] {
  const high = Math.floor(t / 2 ** 30) & 0x07;
  const mid = Math.floor(t / 2 ** 15) & 0x7fff;
  const low = t & 0x7fff;
  return [
    (prefix << 4) | (high << 1) | 1,
    mid >> 7,
    ((mid & 0x7f) << 1) | 1,
    low >> 7,
    ((low & 0x7f) << 1) | 1,
  ];
}

describe('33-bit timestamps', () => {
  it('diff33 takes the short way around the wrap', () => {
    expect(diff33(100, WRAP - 3500)).toBe(3600);
    expect(diff33(WRAP - 3500, 100)).toBe(-3600);
    expect(diff33(7200, 3600)).toBe(3600);
  });

  it('TsClock keeps counting through the wrap and bridges a restart', () => {
    const clock = new TsClock();
    const start = WRAP - 2 * 3600;
    const ms = [0, 1, 2, 3].map((i) => clock.toMs((start + i * 3600) % WRAP));
    expect(ms).toEqual([0, 40, 80, 120]);
    // The encoder restarted at 0: time goes on one frame later instead of jumping.
    expect(clock.toMs(2 ** 31)).toBe(160);
    expect(clock.toMs(2 ** 31 + 3600)).toBe(200);
    // A small step back (reordering jitter) never makes time run backwards.
    expect(clock.toMs(2 ** 31)).toBe(200);
  });

  it('reads PTS and DTS beyond 32 bits from a PES header', () => {
    const pts = WRAP - 1;
    const dts = 2 ** 32 + 12345;
    const header = [0, 0, 1, 0xe0, 0, 0, 0x80, 0xc0, 10];
    const body = [0, 0, 0, 1, 0x09, 0xf0];
    const bytes = Uint8Array.from([
      ...header,
      ...timestampBytes(3, pts),
      ...timestampBytes(1, dts),
      ...body,
    ]);
    expect(readTimestamp(bytes, 9)).toBe(pts);
    const pes = new PesAssembler();
    expect(pes.begin(bytes)).toBeUndefined(); // length 0: it ends at the next start
    const done = pes.end();
    expect(done).toMatchObject({ pts, dts });
    expect(done !== 'broken' && [...done!.data]).toEqual(body);
  });

  it('finishes a PES at its stated length, and calls a short one broken', () => {
    const payload = [0, 0, 0, 1, 0x65];
    const header = [0, 0, 1, 0xe0, 0, 3 + 5 + payload.length, 0x80, 0x80, 5];
    const bytes = Uint8Array.from([...header, ...timestampBytes(2, 90_000), ...payload]);
    const pes = new PesAssembler();
    expect(pes.begin(bytes.subarray(0, 10))).toBeUndefined();
    expect(pes.append(bytes.subarray(10))).toMatchObject({ pts: 90_000, dts: 90_000 });
    pes.begin(bytes.subarray(0, 12));
    expect(pes.end()).toBe('broken');
  });
});

describe('crc32Mpeg', () => {
  it('matches the CRC-32/MPEG-2 check value', () => {
    expect(crc32Mpeg(new TextEncoder().encode('123456789'))).toBe(0x0376e6e7);
  });
});
