// H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): just enough to fill the decoder
// configuration record and to log the picture size. Returns what it could read (or undefined)
// on truncated or odd input instead of throwing.
import { BitReader, unescapeRbsp } from '../bit-reader';

export interface H264SpsInfo {
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  width?: number;
  height?: number;
}

/** Reads profile/level (always, from the first bytes) and the size (when it parses). */
export function readH264Sps(sps: Uint8Array): H264SpsInfo | undefined {
  if (sps.length < 4) return undefined;
  const info: H264SpsInfo = { profileIdc: sps[1]!, constraintFlags: sps[2]!, levelIdc: sps[3]! };
  const r = new BitReader(unescapeRbsp(sps.subarray(4)));
  r.ue(); // seq_parameter_set_id
  let chromaFormat = 1;
  if ([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].includes(info.profileIdc)) {
    chromaFormat = r.ue();
    if (chromaFormat === 3) r.bit();
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.bit();
    if (r.bit()) {
      // Scaling lists: skip them (they only matter to the decoder).
      for (let i = 0; i < (chromaFormat === 3 ? 12 : 8); i++) {
        if (!r.bit()) continue;
        const size = i < 6 ? 16 : 64;
        let last = 8;
        let next = 8;
        for (let j = 0; j < size; j++) {
          if (next !== 0) next = (last + r.se() + 256) % 256;
          last = next === 0 ? last : next;
        }
      }
    }
  }
  r.ue(); // log2_max_frame_num_minus4
  const pocType = r.ue();
  if (pocType === 0) r.ue();
  else if (pocType === 1) {
    r.bit();
    r.se();
    r.se();
    const n = Math.min(r.ue(), 255);
    for (let i = 0; i < n; i++) r.se();
  }
  r.ue(); // max_num_ref_frames
  r.bit();
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.bit();
  if (!frameMbsOnly) r.bit();
  r.bit();
  let crop = [0, 0, 0, 0];
  if (r.bit()) crop = [r.ue(), r.ue(), r.ue(), r.ue()];
  if (r.overrun) return info;
  const cropUnitX = chromaFormat === 0 || chromaFormat === 3 ? 1 : 2;
  const cropUnitY = (chromaFormat === 1 ? 2 : 1) * (2 - frameMbsOnly);
  const width = widthMbs * 16 - cropUnitX * (crop[0]! + crop[1]!);
  const height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (crop[2]! + crop[3]!);
  if (width > 0 && height > 0 && width <= 16384 && height <= 16384) {
    info.width = width;
    info.height = height;
  }
  return info;
}
