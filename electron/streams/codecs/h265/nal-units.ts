// H.265 NAL unit types (ITU-T H.265 table 7-1) that the RTSP path acts on.

export const H265_NAL_VPS = 32;
export const H265_NAL_SPS = 33;
export const H265_NAL_PPS = 34;
export const H265_NAL_AUD = 35;

/** nal_unit_type: 6 bits after the forbidden bit of the 2-byte header. */
export function h265NalType(nal: Uint8Array): number {
  return ((nal[0] ?? 0) >> 1) & 0x3f;
}

/** IRAP pictures (BLA, IDR, CRA: types 16-23) are where a decoder can start. */
export function isH265Keyframe(nal: Uint8Array): boolean {
  const t = h265NalType(nal);
  return t >= 16 && t <= 23;
}

export function h265NalKind(nal: Uint8Array): 'vps' | 'sps' | 'pps' | 'aud' | undefined {
  switch (h265NalType(nal)) {
    case H265_NAL_VPS:
      return 'vps';
    case H265_NAL_SPS:
      return 'sps';
    case H265_NAL_PPS:
      return 'pps';
    case H265_NAL_AUD:
      return 'aud';
    default:
      return undefined;
  }
}
