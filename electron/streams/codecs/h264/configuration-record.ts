// AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1) from SPS and PPS NAL units; the
// NAL units that follow it are 4-byte length-prefixed (lengthSizeMinusOne 3). Also the parser
// that checks a record from upstream before it is relayed.
import { damaged, saneSize, undecodable, type RecordProblem } from '../record-problem';
import { readH264Sps } from './sps';

/** AVCDecoderConfigurationRecord from SPS and PPS NAL units; undefined without both. */
export function avcDecoderConfigurationRecord(
  spsList: readonly Uint8Array[],
  ppsList: readonly Uint8Array[],
): Uint8Array | undefined {
  const sps = spsList.filter((s) => s.length >= 4 && s.length <= 0xffff).slice(0, 31);
  const pps = ppsList.filter((p) => p.length >= 1 && p.length <= 0xffff).slice(0, 255);
  const first = sps[0];
  if (!first || pps.length === 0) return undefined;
  const size =
    6 + sps.reduce((n, s) => n + 2 + s.length, 0) + 1 + pps.reduce((n, p) => n + 2 + p.length, 0);
  const out = new Uint8Array(size);
  out[0] = 1; // configurationVersion
  out[1] = first[1]!; // AVCProfileIndication
  out[2] = first[2]!; // profile_compatibility
  out[3] = first[3]!; // AVCLevelIndication
  out[4] = 0xff; // 6 reserved bits + lengthSizeMinusOne = 3
  out[5] = 0xe0 | sps.length;
  let at = 6;
  for (const s of sps) {
    out[at++] = s.length >> 8;
    out[at++] = s.length & 0xff;
    out.set(s, at);
    at += s.length;
  }
  out[at++] = pps.length;
  for (const p of pps) {
    out[at++] = p.length >> 8;
    out[at++] = p.length & 0xff;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A record that parsed and describes video the player can decode. */
export interface AvcRecord {
  ok: true;
  sps: Uint8Array[];
  pps: Uint8Array[];
  width: number;
  height: number;
}

/** profile_idc values of H.264 profiles (ITU-T H.264 A.2 and annexes G/H). */
const H264_PROFILES = new Set([
  66, 77, 88, 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135,
]);

/**
 * Reads an AVCDecoderConfigurationRecord as a demuxer will, so that a record the page's
 * demuxer would misread (and throw on, or build a nonsense codec string from) is refused
 * before it is relayed. Trailing bytes (the high-profile extension) are allowed.
 */
export function parseAvcDecoderConfigurationRecord(record: Uint8Array): AvcRecord | RecordProblem {
  if (record.length < 7) return damaged(`the AVC configuration is ${record.length} bytes long`);
  if (record[0] !== 1) return damaged(`AVC configurationVersion is ${record[0]}, not 1`);
  const at = { offset: 5 };
  const sps = readSets(record, at, record[5]! & 0x1f, 7);
  if (typeof sps === 'string') return damaged(`SPS ${sps}`);
  if (at.offset >= record.length) return damaged('the PPS count is missing');
  const ppsCount = record[at.offset]!;
  const pps = readSets(record, at, ppsCount, 8);
  if (typeof pps === 'string') return damaged(`PPS ${pps}`);
  if (sps.length === 0 || pps.length === 0) return damaged('it has no SPS or no PPS');
  // The structure holds; now whether the player can decode what it describes. mpegts.js reads
  // only 3- and 4-byte NAL lengths and 14496-15 forbids 3: 4 is the one both take.
  const lengthSize = (record[4]! & 0x03) + 1;
  if (lengthSize !== 4) return undecodable(`NAL units have ${lengthSize}-byte lengths`);
  const info = readH264Sps(sps[0]!);
  if (!info || !H264_PROFILES.has(info.profileIdc) || info.levelIdc === 0) {
    return undecodable(
      `the SPS names profile ${info?.profileIdc ?? '?'} level ${info?.levelIdc ?? '?'}`,
    );
  }
  if (!saneSize(info.width, info.height)) return undecodable('the SPS gives no sane picture size');
  return { ok: true, sps, pps, width: info.width!, height: info.height! };
}

/**
 * Reads `count` 16-bit-length-prefixed NAL units of `nalType` after the count byte at
 * `at.offset`; returns what is wrong instead when one does not fit.
 */
function readSets(
  record: Uint8Array,
  at: { offset: number },
  count: number,
  nalType: number,
): Uint8Array[] | string {
  let offset = at.offset + 1;
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 2 > record.length) return `${i + 1} of ${count} has no length`;
    const length = (record[offset]! << 8) | record[offset + 1]!;
    offset += 2;
    if (offset + length > record.length) {
      return `${i + 1} of ${count} claims ${length} bytes, past the record's end`;
    }
    const nal = record.subarray(offset, offset + length);
    // An empty one fails this too: its missing first byte reads as type 0.
    if ((nal[0]! & 0x9f) !== nalType) return `${i + 1} of ${count} is not one`;
    out.push(nal);
    offset += length;
  }
  at.offset = offset;
  return out;
}
