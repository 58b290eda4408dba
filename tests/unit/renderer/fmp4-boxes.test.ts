// The fragmented-MP4 writer read back box by box: sizes that add up, the fields MSE and the
// decoder read (track, timescale, sample entry and its record, picture size, decode time,
// duration, size, sync flag, composition offset), and the picture bytes untouched. ffprobe
// reads the same bytes as a real demuxer in fmp4-ffprobe.test.ts.
import { describe, expect, it } from 'vitest';
import {
  FRAGMENT_HEADER_BYTES,
  fragment,
  initSegment,
  sampleEntryType,
  trackMimeType,
} from '../../../renderer/src/player/fmp4-boxes';

interface Box {
  type: string;
  start: number;
  size: number;
  body: Uint8Array;
}

/** The boxes laid end to end in `bytes` (every size must land exactly on the end). */
function boxes(bytes: Uint8Array): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Box[] = [];
  let at = 0;
  while (at < bytes.length) {
    const size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    expect(size).toBeGreaterThanOrEqual(8);
    expect(at + size).toBeLessThanOrEqual(bytes.length);
    out.push({ type, start: at, size, body: bytes.subarray(at + 8, at + size) });
    at += size;
  }
  expect(at).toBe(bytes.length);
  return out;
}

/** The box at a path of types (children of full boxes start after `skip` bytes of fields). */
function find(bytes: Uint8Array, path: string[], skip: Record<string, number> = {}): Box {
  let level = boxes(bytes);
  let found: Box | undefined;
  for (const type of path) {
    found = level.find((b) => b.type === type);
    if (!found) throw new Error(`no ${type} in ${level.map((b) => b.type).join(',')}`);
    const offset = skip[type] ?? 0;
    if (type !== path[path.length - 1]) level = boxes(found.body.subarray(offset));
  }
  return found!;
}

const u32 = (b: Uint8Array, at: number) =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at);
const u16 = (b: Uint8Array, at: number) =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint16(at);

const RECORD = Uint8Array.of(
  1,
  0x64,
  0,
  0x1f,
  0xff,
  0xe1,
  0,
  4,
  0x67,
  0x64,
  0,
  0x1f,
  1,
  0,
  2,
  0x68,
  0xee,
);

describe('the fragmented MP4 init segment', () => {
  it('is ftyp + moov with one video track at 1 ms per tick, fragmented (mvex)', () => {
    const init = initSegment({
      codec: 'avc1.64001f',
      description: RECORD,
      width: 1280,
      height: 720,
    });
    expect(boxes(init).map((b) => b.type)).toEqual(['ftyp', 'moov']);
    expect(boxes(find(init, ['moov']).body).map((b) => b.type)).toEqual(['mvhd', 'trak', 'mvex']);
    const mvhd = find(init, ['moov', 'mvhd']).body;
    expect(u32(mvhd, 12)).toBe(1000);
    const tkhd = find(init, ['moov', 'trak', 'tkhd']).body;
    expect(u32(tkhd, 12)).toBe(1); // track id
    expect([u32(tkhd, 76) >>> 16, u32(tkhd, 80) >>> 16]).toEqual([1280, 720]);
    const mdhd = find(init, ['moov', 'trak', 'mdia', 'mdhd']).body;
    expect(u32(mdhd, 12)).toBe(1000);
    const hdlr = find(init, ['moov', 'trak', 'mdia', 'hdlr']).body;
    expect(String.fromCharCode(...hdlr.subarray(8, 12))).toBe('vide');
    const trex = find(init, ['moov', 'mvex', 'trex']).body;
    expect(u32(trex, 4)).toBe(1);
  });

  it('carries the decoder record untouched in avc1/avcC, and the picture size', () => {
    const init = initSegment({
      codec: 'avc1.64001f',
      description: RECORD,
      width: 640,
      height: 360,
    });
    const stsd = find(init, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']).body;
    expect(u32(stsd, 4)).toBe(1); // one entry
    const [entry] = boxes(stsd.subarray(8));
    expect(entry!.type).toBe('avc1');
    expect([u16(entry!.body, 24), u16(entry!.body, 26)]).toEqual([640, 360]);
    const [avcC] = boxes(entry!.body.subarray(78));
    expect(avcC!.type).toBe('avcC');
    expect(Array.from(avcC!.body)).toEqual(Array.from(RECORD));
  });

  it('writes hvc1/hvcC for H.265 and refuses a codec with no sample entry', () => {
    const init = initSegment({
      codec: 'hvc1.1.6.L93.B0',
      description: RECORD,
      width: 320,
      height: 180,
    });
    const stsd = find(init, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']).body;
    const [entry] = boxes(stsd.subarray(8));
    expect(entry!.type).toBe('hvc1');
    expect(boxes(entry!.body.subarray(78))[0]!.type).toBe('hvcC');
    expect(() =>
      initSegment({ codec: 'vp09.00.10.08', description: RECORD, width: 1, height: 1 }),
    ).toThrow(/no MP4 sample entry/);
    expect(sampleEntryType('hev1.1.6.L93.B0')).toBe('hev1');
    expect(sampleEntryType('avc3.42c01e')).toBe('avc3');
    expect(trackMimeType('avc1.42c01e')).toBe('video/mp4; codecs="avc1.42c01e"');
  });
});

describe('a fragment', () => {
  const picture = Uint8Array.of(0, 0, 0, 3, 0x65, 0x88, 0x84);

  it('is moof + mdat with the sample where the data offset says', () => {
    const bytes = fragment(7, {
      dts: 1234,
      compositionOffset: 80,
      duration: 40,
      keyframe: true,
      data: picture,
    });
    expect(bytes.length).toBe(FRAGMENT_HEADER_BYTES + picture.length);
    expect(boxes(bytes).map((b) => b.type)).toEqual(['moof', 'mdat']);
    const moof = find(bytes, ['moof']);
    expect(boxes(moof.body).map((b) => b.type)).toEqual(['mfhd', 'traf']);
    expect(u32(find(bytes, ['moof', 'mfhd']).body, 4)).toBe(7);
    const traf = boxes(find(bytes, ['moof', 'traf']).body);
    expect(traf.map((b) => b.type)).toEqual(['tfhd', 'tfdt', 'trun']);
    const [tfhd, tfdt, trun] = traf.map((b) => b.body) as [Uint8Array, Uint8Array, Uint8Array];
    expect(u32(tfhd, 0) & 0xffffff).toBe(0x020000); // default-base-is-moof
    expect(u32(tfhd, 4)).toBe(1);
    expect(tfdt[0]).toBe(1); // 64-bit decode time
    expect(u32(tfdt, 4) * 2 ** 32 + u32(tfdt, 8)).toBe(1234);
    expect(u32(trun, 4)).toBe(1); // one sample
    const dataOffset = u32(trun, 8);
    expect(Array.from(bytes.subarray(dataOffset))).toEqual(Array.from(picture));
    expect(u32(trun, 12)).toBe(40);
    expect(u32(trun, 16)).toBe(picture.length);
    expect(u32(trun, 20)).toBe(0x02000000); // sync sample
    expect(new DataView(trun.buffer, trun.byteOffset).getInt32(24)).toBe(80);
  });

  it('marks a delta frame non-sync, keeps a negative composition offset and a 64-bit time', () => {
    const dts = 2 ** 33 + 5;
    const bytes = fragment(1, {
      dts,
      compositionOffset: -40,
      duration: 33.4,
      keyframe: false,
      data: picture,
    });
    const [, tfdt, trun] = boxes(find(bytes, ['moof', 'traf']).body).map((b) => b.body) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    expect(u32(tfdt, 4) * 2 ** 32 + u32(tfdt, 8)).toBe(dts);
    expect(u32(trun, 12)).toBe(33);
    expect(u32(trun, 20)).toBe(0x01010000);
    expect(new DataView(trun.buffer, trun.byteOffset).getInt32(24)).toBe(-40);
  });
});
