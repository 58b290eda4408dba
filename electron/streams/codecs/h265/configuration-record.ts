// HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1), built from in-band or SDP
// parameter sets; NAL units that follow it are 4-byte length-prefixed (lengthSizeMinusOne 3).
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
