// The wall's calm notice when the PC check says this layout asks too much: more tiles than the
// PC measured at full frame rate, or cameras in H.265 on a display whose MSE cannot decode it.
// Pure: unit-tested under Node.
import type { Locale, PcCheckReport, StreamStatus } from '../contract';
import { translate } from '../i18n/translate';

export function capacityWarnings(
  report: PcCheckReport | null,
  shown: { tiles: number; cameraIds: readonly string[] },
  statuses: readonly StreamStatus[],
  locale: Locale,
): string[] {
  const check = report?.renderer;
  if (!check) return [];
  const words: string[] = [];
  // The check decoded its players while the wall kept presenting its own: both count.
  const measured = check.decode.tiles + check.decode.wallPlayers;
  if (shown.tiles > measured && check.decode.steps.length > 0) {
    words.push(translate(locale, 'pc.noticeTiles', { tiles: shown.tiles, measured }));
  }
  if (!check.codecs.h265.mse) {
    const onScreen = new Set(shown.cameraIds);
    const h265 = new Set(
      statuses.filter((s) => s.codec === 'h265' && onScreen.has(s.cameraId)).map((s) => s.cameraId),
    );
    if (h265.size > 0) words.push(translate(locale, 'pc.noticeCodec', { count: h265.size }));
  }
  return words;
}
