// H.265 decodes in Electron on some Windows/macOS machines and nowhere in Debian's Chromium, so
// the tile asks this display's MSE rather than assuming.
const HEVC_PROBE = 'video/mp4; codecs="hvc1.1.6.L93.B0"';

let cached: boolean | null = null;

export function canDecodeH265(): boolean {
  if (cached === null) {
    cached = typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(HEVC_PROBE);
  }
  return cached;
}

export function isH265Codec(codec: string | undefined): boolean {
  return codec !== undefined && /^(hvc1|hev1)/i.test(codec);
}

/** profile_idc of the H.264 profiles, as the two hex digits after "avc1.". */
const AVC_PROFILES = new Set([
  '42',
  '4d',
  '58',
  '64',
  '6e',
  '7a',
  'f4',
  '2c',
  '53',
  '56',
  '76',
  '80',
  '8a',
  '8b',
  '86',
  '87',
]);

/**
 * Whether the codec string mpegts.js built from the stream's decoder configuration names video
 * a SourceBuffer can be made for. mpegts.js copies SPS bytes into it unchecked, so a damaged
 * configuration yields strings like "avc1.000000"; undefined (not known yet) passes.
 */
export function isPlausibleCodec(codec: string | undefined): boolean {
  if (codec === undefined) return true;
  const avc = /^avc1\.([0-9a-f]{2})[0-9a-f]{2}([0-9a-f]{2})$/i.exec(codec);
  if (avc) return AVC_PROFILES.has(avc[1]!.toLowerCase()) && avc[2] !== '00';
  return /^(hvc1|hev1)\.[0-9A-Za-z.]+$/.test(codec);
}
