// H.264 NAL unit types (ITU-T H.264 table 7-1) that the RTSP path acts on.

export const H264_NAL_IDR = 5;
export const H264_NAL_SPS = 7;
export const H264_NAL_PPS = 8;
export const H264_NAL_AUD = 9;

/** nal_unit_type: the low 5 bits of the 1-byte header. */
export function h264NalType(nal: Uint8Array): number {
  return (nal[0] ?? 0) & 0x1f;
}

export function isH264Keyframe(nal: Uint8Array): boolean {
  return h264NalType(nal) === H264_NAL_IDR;
}

export function h264NalKind(nal: Uint8Array): 'sps' | 'pps' | 'aud' | undefined {
  const t = h264NalType(nal);
  return t === H264_NAL_SPS
    ? 'sps'
    : t === H264_NAL_PPS
      ? 'pps'
      : t === H264_NAL_AUD
        ? 'aud'
        : undefined;
}
