// H.265 sequence parameter set (ITU-T H.265 7.3.2.2): the fields the HEVC decoder
// configuration record needs, and the picture size for logs. Defaults where it cannot parse.
import { BitReader, unescapeRbsp } from '../bit-reader';

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
