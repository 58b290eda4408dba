// HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1), built from in-band or SDP
// parameter sets; NAL units that follow it are 4-byte length-prefixed (lengthSizeMinusOne 3).
// Also the parser that checks a record from upstream before it is relayed.
import { damaged, saneSize, undecodable, type RecordProblem } from '../record-problem';
import { readHevcSps } from './sps';

/** HEVCDecoderConfigurationRecord; undefined without VPS, SPS and PPS. */
export function hevcDecoderConfigurationRecord(
  vps: readonly Uint8Array[],
  sps: readonly Uint8Array[],
  pps: readonly Uint8Array[],
): Uint8Array | undefined {
  const ok = (list: readonly Uint8Array[]) =>
    list.filter((n) => n.length >= 2 && n.length <= 0xffff).slice(0, 16);
  const arrays: Array<[number, Uint8Array[]]> = [
    [32, ok(vps)],
    [33, ok(sps)],
    [34, ok(pps)],
  ];
  const firstSps = arrays[1]![1][0];
  if (arrays.some(([, list]) => list.length === 0) || !firstSps) return undefined;
  const info = readHevcSps(firstSps);
  if (!info) return undefined;
  const size =
    23 + arrays.reduce((n, [, list]) => n + 3 + list.reduce((m, x) => m + 2 + x.length, 0), 0);
  const out = new Uint8Array(size);
  out[0] = 1;
  out[1] = info.profileByte;
  out.set(info.compatibility, 2);
  out.set(info.constraints, 6);
  out[12] = info.levelIdc;
  out[13] = 0xf0; // reserved + min_spatial_segmentation_idc (12 bits) = 0
  out[14] = 0x00;
  out[15] = 0xfc; // reserved + parallelismType 0 (unknown)
  out[16] = 0xfc | info.chromaFormat;
  out[17] = 0xf8 | info.bitDepthLumaMinus8;
  out[18] = 0xf8 | info.bitDepthChromaMinus8;
  out[19] = 0; // avgFrameRate (16 bits) unknown
  out[20] = 0;
  // constantFrameRate 0, numTemporalLayers, temporalIdNested, lengthSizeMinusOne 3
  out[21] = ((info.temporalLayers & 0x07) << 3) | ((info.temporalIdNested & 1) << 2) | 0x03;
  out[22] = arrays.length;
  let at = 23;
  for (const [type, list] of arrays) {
    out[at++] = 0x80 | type; // array_completeness 1: parameter sets are all in the record
    out[at++] = list.length >> 8;
    out[at++] = list.length & 0xff;
    for (const nal of list) {
      out[at++] = nal.length >> 8;
      out[at++] = nal.length & 0xff;
      out.set(nal, at);
      at += nal.length;
    }
  }
  return out;
}

/** A record that parsed and describes video the player can decode. */
export interface HevcRecord {
  ok: true;
  vps: Uint8Array[];
  sps: Uint8Array[];
  pps: Uint8Array[];
  width: number;
  height: number;
}

const ARRAY_KEYS = { 32: 'vps', 33: 'sps', 34: 'pps' } as const;

/**
 * Reads an HEVCDecoderConfigurationRecord as a demuxer will (see the AVC one for why): every
 * array and NAL unit inside the record, a VPS, SPS and PPS, and an SPS with a sane picture.
 * Arrays of other NAL types (SEI) are skipped.
 */
export function parseHevcDecoderConfigurationRecord(
  record: Uint8Array,
): HevcRecord | RecordProblem {
  if (record.length < 23) return damaged(`the HEVC configuration is ${record.length} bytes long`);
  if (record[0] !== 1) return damaged(`HEVC configurationVersion is ${record[0]}, not 1`);
  const sets = { vps: [] as Uint8Array[], sps: [] as Uint8Array[], pps: [] as Uint8Array[] };
  let offset = 23;
  for (let a = 0; a < record[22]!; a++) {
    if (offset + 3 > record.length) return damaged(`array ${a + 1} runs past the record's end`);
    const type = record[offset]! & 0x3f;
    const count = (record[offset + 1]! << 8) | record[offset + 2]!;
    offset += 3;
    for (let i = 0; i < count; i++) {
      if (offset + 2 > record.length)
        return damaged(`NAL ${i + 1} of array ${a + 1} has no length`);
      const length = (record[offset]! << 8) | record[offset + 1]!;
      offset += 2;
      if (length < 2 || offset + length > record.length) {
        return damaged(`NAL ${i + 1} of array ${a + 1} claims ${length} bytes, past the end`);
      }
      const nal = record.subarray(offset, offset + length);
      offset += length;
      if (((nal[0]! >> 1) & 0x3f) !== type || (nal[0]! & 0x80) !== 0) {
        return damaged(`array ${a + 1} holds a NAL unit of another type`);
      }
      const key = ARRAY_KEYS[type as keyof typeof ARRAY_KEYS];
      if (key) sets[key].push(nal);
    }
  }
  if (sets.vps.length === 0 || sets.sps.length === 0 || sets.pps.length === 0) {
    return damaged('it lacks a VPS, SPS or PPS');
  }
  const lengthSize = (record[21]! & 0x03) + 1;
  if (lengthSize !== 4) return undecodable(`NAL units have ${lengthSize}-byte lengths`);
  const info = readHevcSps(sets.sps[0]!);
  const profile = (info?.profileByte ?? 0) & 0x1f;
  if (!info || profile < 1 || profile > 11 || info.levelIdc === 0) {
    return undecodable(`the SPS names profile ${profile} level ${info?.levelIdc ?? '?'}`);
  }
  if (!saneSize(info.width, info.height)) return undecodable('the SPS gives no sane picture size');
  return { ok: true, ...sets, width: info.width!, height: info.height! };
}
