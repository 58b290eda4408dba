// FLV video tags for H.265 in enhanced FLV (the "E-RTMP" spec: FourCC 'hvc1'): a sequence
// start with an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1), then coded frames
// as 4-byte length-prefixed NAL units. First byte: 0x80 | frameType << 4 | packetType.
import { FLV_TAG_VIDEO, type FlvTag } from './flv-tag';
import { lengthPrefixed } from './avc-tags';
import { BitReader, unescapeRbsp } from './h264-sps';

const HVC1 = [0x68, 0x76, 0x63, 0x31];
const PACKET_SEQUENCE_START = 0;
const PACKET_CODED_FRAMES = 1; // with a 3-byte composition time (0 here)

export interface HevcSpsInfo {
  /** profile_space(2) tier(1) profile_idc(5) as one byte. */
  profileByte: number;
  compatibility: Uint8Array; // 4 bytes
  constraints: Uint8Array; // 6 bytes
  levelIdc: number;
  chromaFormat: number;
  bitDepthLumaMinus8: number;
  bitDepthChromaMinus8: number;
  temporalLayers: number;
  temporalIdNested: number;
  width?: number;
  height?: number;
}

/** Reads the parts of an H.265 SPS the record needs; defaults where it cannot parse. */
export function readHevcSps(sps: Uint8Array): HevcSpsInfo | undefined {
  const rbsp = unescapeRbsp(sps);
  if (rbsp.length < 15) return undefined;
  const maxSubLayersMinus1 = (rbsp[2]! >> 1) & 0x07;
  const info: HevcSpsInfo = {
    profileByte: rbsp[3]!,
    compatibility: rbsp.slice(4, 8),
    constraints: rbsp.slice(8, 14),
    levelIdc: rbsp[14]!,
    chromaFormat: 1,
    bitDepthLumaMinus8: 0,
    bitDepthChromaMinus8: 0,
    temporalLayers: maxSubLayersMinus1 + 1,
    temporalIdNested: rbsp[2]! & 0x01,
  };
  const r = new BitReader(rbsp.subarray(15));
  const profilePresent: number[] = [];
  const levelPresent: number[] = [];
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    profilePresent.push(r.bit());
    levelPresent.push(r.bit());
  }
  if (maxSubLayersMinus1 > 0) for (let i = maxSubLayersMinus1; i < 8; i++) r.skip(2);
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    if (profilePresent[i]) r.skip(88);
    if (levelPresent[i]) r.skip(8);
  }
  r.ue(); // sps_seq_parameter_set_id
  const chromaFormat = r.ue();
  if (chromaFormat === 3) r.bit();
  const width = r.ue();
  const height = r.ue();
  // Conformance window: the coded size is in whole CTUs (368 rows for 360p); the window
  // crops it back to the picture size, in chroma sample units.
  let crop = [0, 0, 0, 0];
  if (r.bit()) crop = [r.ue(), r.ue(), r.ue(), r.ue()];
  const subWidth = chromaFormat === 1 || chromaFormat === 2 ? 2 : 1;
  const subHeight = chromaFormat === 1 ? 2 : 1;
  const luma = r.ue();
  const chroma = r.ue();
  if (!r.overrun && chromaFormat <= 3 && luma <= 8 && chroma <= 8) {
    info.chromaFormat = chromaFormat;
    info.bitDepthLumaMinus8 = luma;
    info.bitDepthChromaMinus8 = chroma;
    const w = width - subWidth * (crop[0]! + crop[1]!);
    const h = height - subHeight * (crop[2]! + crop[3]!);
    if (w > 0 && h > 0 && w <= 16384 && h <= 16384) {
      info.width = w;
      info.height = h;
    }
  }
  return info;
}

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

/** Enhanced-FLV sequence start (keyframe, packet type 0). */
export function hevcSequenceHeaderTag(record: Uint8Array, timestamp: number): FlvTag {
  const data = new Uint8Array(5 + record.length);
  data[0] = 0x80 | (1 << 4) | PACKET_SEQUENCE_START;
  data.set(HVC1, 1);
  data.set(record, 5);
  return { type: FLV_TAG_VIDEO, timestamp, data };
}

/** Enhanced-FLV coded frames (packet type 1, composition time 0). */
export function hevcFrameTag(
  nalus: readonly Uint8Array[],
  keyframe: boolean,
  timestamp: number,
): FlvTag {
  const data = lengthPrefixed(nalus, 8);
  data[0] = 0x80 | ((keyframe ? 1 : 2) << 4) | PACKET_CODED_FRAMES;
  data.set(HVC1, 1);
  // bytes 5-7: composition time offset 0
  return { type: FLV_TAG_VIDEO, timestamp, data };
}
