// The codec strings WebCodecs asks for (VideoDecoderConfig.codec), read from the decoder
// configuration records the session relays: avc1.PPCCLL (ISO/IEC 14496-15 / RFC 6381) and
// hvc1.<profile>.<compatibility>.<tier><level>.<constraints> (ISO/IEC 14496-15 Annex E).

const hex2 = (byte: number) => byte.toString(16).padStart(2, '0');

/** From an AVCDecoderConfigurationRecord; null when it is too short to hold one. */
export function avcCodecString(record: Uint8Array): string | null {
  if (record.length < 7 || record[0] !== 1) return null;
  return `avc1.${hex2(record[1]!)}${hex2(record[2]!)}${hex2(record[3]!)}`;
}

/** From an HEVCDecoderConfigurationRecord; null when it is too short to hold one. */
export function hevcCodecString(record: Uint8Array): string | null {
  if (record.length < 23 || record[0] !== 1) return null;
  const profileByte = record[1]!;
  const space = ['', 'A', 'B', 'C'][profileByte >> 6]!;
  const tier = (profileByte & 0x20) !== 0 ? 'H' : 'L';
  const profile = profileByte & 0x1f;
  // The 32 compatibility flags, in reverse bit order, as hex without leading zeros.
  const flags = ((record[2]! << 24) | (record[3]! << 16) | (record[4]! << 8) | record[5]!) >>> 0;
  let reversed = 0;
  for (let bit = 0; bit < 32; bit++) reversed = ((reversed << 1) | ((flags >>> bit) & 1)) >>> 0;
  const constraints = [...record.subarray(6, 12)];
  while (constraints.length > 0 && constraints.at(-1) === 0) constraints.pop();
  const tail = constraints.map((byte) => `.${byte.toString(16).toUpperCase()}`).join('');
  return `hvc1.${space}${profile}.${reversed.toString(16).toUpperCase()}.${tier}${record[12]!}${tail}`;
}
