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
