// AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1) from SPS and PPS NAL units; the
// NAL units that follow it are 4-byte length-prefixed (lengthSizeMinusOne 3).

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
