// The decoder configuration record parsers that guard the relay: every broken case of the bug
// report is refused with the right kind, and real records pass with their parameter sets.
import { describe, expect, it } from 'vitest';
import {
  avcDecoderConfigurationRecord,
  parseAvcDecoderConfigurationRecord,
} from '../../../../electron/streams/codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h265/configuration-record';
import { saneSize } from '../../../../electron/streams/codecs/record-problem';
import {
  BROKEN_AVC_RECORDS,
  BROKEN_HEVC_RECORDS,
  HEVC_PPS,
  HEVC_SPS,
  HEVC_VPS,
  PPS,
  SPS,
  VALID_AVC_RECORD,
  VALID_HEVC_RECORD,
  patched,
} from '../../../fixtures/broken-video/broken-records';

const bytes = (a: Uint8Array | undefined) => Array.from(a ?? []);

describe('parseAvcDecoderConfigurationRecord', () => {
  it('reads a valid record: its SPS, PPS and picture size', () => {
    const parsed = parseAvcDecoderConfigurationRecord(VALID_AVC_RECORD);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sps.map(bytes)).toEqual([bytes(SPS)]);
    expect(parsed.pps.map(bytes)).toEqual([bytes(PPS)]);
    expect([parsed.width, parsed.height]).toEqual([640, 360]);
  });

  it('allows the trailing high-profile extension', () => {
    const longer = Uint8Array.from([...VALID_AVC_RECORD, 0xfd, 0xf8, 0xf8, 0]);
    expect(parseAvcDecoderConfigurationRecord(longer).ok).toBe(true);
  });

  for (const [name, record] of Object.entries(BROKEN_AVC_RECORDS)) {
    it(`refuses ${name} as damaged`, () => {
      expect(parseAvcDecoderConfigurationRecord(record)).toMatchObject({
        ok: false,
        kind: 'damaged',
      });
    });
  }

  it('names what is wrong', () => {
    const problem = (r: Uint8Array) => {
      const parsed = parseAvcDecoderConfigurationRecord(r);
      return parsed.ok ? 'ok' : parsed.problem;
    };
    expect(problem(BROKEN_AVC_RECORDS['configurationVersion 2']!)).toBe(
      'AVC configurationVersion is 2, not 1',
    );
    expect(problem(BROKEN_AVC_RECORDS['overflowing SPS length']!)).toBe(
      "SPS 1 of 1 claims 65535 bytes, past the record's end",
    );
    expect(problem(BROKEN_AVC_RECORDS['overflowing PPS length']!)).toBe(
      "PPS 1 of 1 claims 4660 bytes, past the record's end",
    );
    expect(problem(VALID_AVC_RECORD.subarray(0, 6))).toBe('the AVC configuration is 6 bytes long');
    expect(problem(VALID_AVC_RECORD.subarray(0, 7))).toBe('SPS 1 of 1 has no length');
    expect(problem(VALID_AVC_RECORD.subarray(0, 8 + SPS.length))).toBe('the PPS count is missing');
    expect(problem(patched(VALID_AVC_RECORD, 5, [0xe0]))).toBe('it has no SPS or no PPS');
    expect(problem(patched(VALID_AVC_RECORD, 8 + SPS.length, [0]))).toBe('it has no SPS or no PPS');
    // The SPS slot holds a PPS: a NAL unit of the wrong type.
    expect(problem(patched(VALID_AVC_RECORD, 8, [0x68]))).toBe('SPS 1 of 1 is not one');
    expect(problem(patched(VALID_AVC_RECORD, 8, [0xe7]))).toBe('SPS 1 of 1 is not one');
    expect(problem(patched(VALID_AVC_RECORD, 6, [0, 0]))).toMatch(/^SPS 1 of 1/);
  });

  it('calls a well-formed record of video the player cannot handle undecodable', () => {
    const kind = (r: Uint8Array) => {
      const parsed = parseAvcDecoderConfigurationRecord(r);
      return parsed.ok ? 'ok' : `${parsed.kind}: ${parsed.problem}`;
    };
    // 2-byte NAL lengths: valid 14496-15, unreadable by mpegts.js.
    expect(kind(patched(VALID_AVC_RECORD, 4, [0xfd]))).toBe(
      'undecodable: NAL units have 2-byte lengths',
    );
    expect(kind(patched(VALID_AVC_RECORD, 4, [0xfc]))).toBe(
      'undecodable: NAL units have 1-byte lengths',
    );
    // profile_idc 0, level 0 in the SPS itself.
    expect(kind(patched(VALID_AVC_RECORD, 9, [0]))).toBe(
      'undecodable: the SPS names profile 0 level 30',
    );
    expect(kind(patched(VALID_AVC_RECORD, 11, [0]))).toBe(
      'undecodable: the SPS names profile 66 level 0',
    );
    // An SPS cut after its profile bytes parses to no picture size.
    const short = Uint8Array.from([
      1,
      0x42,
      0xc0,
      0x1e,
      0xff,
      0xe1,
      0,
      5,
      ...SPS.subarray(0, 5),
      1,
      0,
      PPS.length,
      ...PPS,
    ]);
    expect(kind(short)).toBe('undecodable: the SPS gives no sane picture size');
    const tiny = Uint8Array.from([
      1,
      0x42,
      0xc0,
      0x1e,
      0xff,
      0xe1,
      0,
      2,
      0x67,
      0x42,
      1,
      0,
      PPS.length,
      ...PPS,
    ]);
    expect(kind(tiny)).toBe('undecodable: the SPS names profile ? level ?');
  });
});

describe('parseHevcDecoderConfigurationRecord', () => {
  it('reads a valid record: VPS, SPS, PPS and picture size', () => {
    const parsed = parseHevcDecoderConfigurationRecord(VALID_HEVC_RECORD);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.vps.map(bytes)).toEqual([bytes(HEVC_VPS)]);
    expect(parsed.sps.map(bytes)).toEqual([bytes(HEVC_SPS)]);
    expect(parsed.pps.map(bytes)).toEqual([bytes(HEVC_PPS)]);
    expect([parsed.width, parsed.height]).toEqual([640, 360]);
  });

  it('skips arrays of other NAL types (SEI)', () => {
    const sei = [0x80 | 39, 0, 1, 0, 3, 39 << 1, 1, 0x05];
    const withSei = Uint8Array.from([...patched(VALID_HEVC_RECORD, 22, [4]), ...sei]);
    expect(parseHevcDecoderConfigurationRecord(withSei).ok).toBe(true);
  });

  for (const [name, record] of Object.entries(BROKEN_HEVC_RECORDS)) {
    it(`refuses ${name} as damaged`, () => {
      expect(parseHevcDecoderConfigurationRecord(record)).toMatchObject({
        ok: false,
        kind: 'damaged',
      });
    });
  }

  it('names what is wrong', () => {
    const problem = (r: Uint8Array) => {
      const parsed = parseHevcDecoderConfigurationRecord(r);
      return parsed.ok ? 'ok' : `${parsed.kind}: ${parsed.problem}`;
    };
    expect(problem(VALID_HEVC_RECORD.subarray(0, 22))).toBe(
      'damaged: the HEVC configuration is 22 bytes long',
    );
    expect(problem(VALID_HEVC_RECORD.subarray(0, 25))).toBe(
      "damaged: array 1 runs past the record's end",
    );
    expect(problem(VALID_HEVC_RECORD.subarray(0, 27))).toBe(
      'damaged: NAL 1 of array 1 has no length',
    );
    expect(problem(patched(VALID_HEVC_RECORD, 26, [0, 1]))).toBe(
      'damaged: NAL 1 of array 1 claims 1 bytes, past the end',
    );
    expect(problem(patched(VALID_HEVC_RECORD, 23, [0x80 | 33]))).toBe(
      'damaged: array 1 holds a NAL unit of another type',
    );
    expect(problem(patched(VALID_HEVC_RECORD, 28, [0x80 | (32 << 1)]))).toBe(
      'damaged: array 1 holds a NAL unit of another type',
    );
    expect(problem(patched(VALID_HEVC_RECORD, 21, [0x0e]))).toBe(
      'undecodable: NAL units have 3-byte lengths',
    );
  });

  it('calls an SPS without a known profile or level undecodable', () => {
    const spsAt = 23 + 3 + 2 + HEVC_VPS.length + 3 + 2;
    const kind = (r: Uint8Array) => {
      const parsed = parseHevcDecoderConfigurationRecord(r);
      return parsed.ok ? 'ok' : `${parsed.kind}: ${parsed.problem}`;
    };
    expect(kind(patched(VALID_HEVC_RECORD, spsAt + 3, [0]))).toBe(
      'undecodable: the SPS names profile 0 level 63',
    );
    expect(kind(patched(VALID_HEVC_RECORD, spsAt + 3, [12]))).toBe(
      'undecodable: the SPS names profile 12 level 63',
    );
    expect(kind(patched(VALID_HEVC_RECORD, spsAt + 3, [11]))).toBe('ok');
    expect(kind(patched(VALID_HEVC_RECORD, spsAt + 17, [0]))).toBe(
      'undecodable: the SPS names profile 1 level 0',
    );
  });
});

describe('saneSize', () => {
  it('takes 16 to 16384 pixels a side', () => {
    expect(saneSize(16, 16)).toBe(true);
    expect(saneSize(16384, 16384)).toBe(true);
    expect(saneSize(15, 16)).toBe(false);
    expect(saneSize(16, 15)).toBe(false);
    expect(saneSize(16385, 16)).toBe(false);
    expect(saneSize(16, 16385)).toBe(false);
    expect(saneSize(undefined, 16)).toBe(false);
    expect(saneSize(16, undefined)).toBe(false);
  });
});

describe('parseAvcDecoderConfigurationRecord, edges', () => {
  const head = [1, 0x42, 0xc0, 0x1e, 0xff];
  const problem = (r: number[]) => {
    const parsed = parseAvcDecoderConfigurationRecord(Uint8Array.from(r));
    return parsed.ok ? 'ok' : parsed.problem;
  };

  it('refuses a record with PPS but no SPS', () => {
    expect(problem([...head, 0xe0, 1, 0, PPS.length, ...PPS])).toBe('it has no SPS or no PPS');
  });

  it('reads a zero length that ends the record as an empty, wrong NAL unit', () => {
    const sps = [0, SPS.length, ...SPS];
    expect(problem([...head, 0xe1, ...sps, 1, 0, 0])).toBe('PPS 1 of 1 is not one');
    expect(problem([...head, 0xe1, ...sps, 1, 0])).toBe('PPS 1 of 1 has no length');
  });
});

describe('avcDecoderConfigurationRecord, limits', () => {
  const nal = (type: number, length: number) => {
    const out = new Uint8Array(length);
    out.set(SPS.subarray(0, Math.min(length, SPS.length)));
    out[0] = type;
    return out;
  };
  const counts = (record: Uint8Array | undefined) => {
    if (!record) return 'none';
    let at = 6;
    const sps: number[] = [];
    for (let i = 0; i < (record[5]! & 0x1f); i++) {
      const length = (record[at]! << 8) | record[at + 1]!;
      sps.push(length);
      at += 2 + length;
    }
    const pps: number[] = [];
    const ppsCount = record[at++]!;
    for (let i = 0; i < ppsCount; i++) {
      const length = (record[at]! << 8) | record[at + 1]!;
      pps.push(length);
      at += 2 + length;
    }
    expect(at).toBe(record.length);
    return { sps, pps };
  };

  it('keeps SPS of 4 to 65535 bytes and PPS of 1 to 65535 bytes, dropping others', () => {
    const sps = [nal(0x67, 3), nal(0x67, 4), nal(0x67, 0xffff), nal(0x67, 0x10000)];
    const pps = [nal(0x68, 0), nal(0x68, 1), nal(0x68, 0xffff), nal(0x68, 0x10000)];
    expect(counts(avcDecoderConfigurationRecord(sps, pps))).toEqual({
      sps: [4, 0xffff],
      pps: [1, 0xffff],
    });
    expect(counts(avcDecoderConfigurationRecord([nal(0x67, 3)], [PPS]))).toBe('none');
    expect(counts(avcDecoderConfigurationRecord([SPS], [nal(0x68, 0)]))).toBe('none');
  });

  it('writes at most 31 SPS and 255 PPS, the most their count fields hold', () => {
    const many = counts(
      avcDecoderConfigurationRecord(
        Array.from({ length: 40 }, () => SPS),
        Array.from({ length: 300 }, () => PPS),
      ),
    );
    expect(many === 'none' ? 'none' : [many.sps.length, many.pps.length]).toEqual([31, 255]);
  });
});
