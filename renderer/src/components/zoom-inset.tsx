// The small picture in a zoomed tile's corner: the whole frame, redrawn a few times a second
// from the tile's own video (no second stream), with a frame around the part that shows.
import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { Locale } from '../contract';
import { translate } from '../i18n/translate';
import type { ZoomView } from '../look/zoom-math';

const INSET_WIDTH = 192;
const REDRAW_MS = 250;

export function ZoomInset({
  view,
  source,
  locale,
}: {
  view: ZoomView;
  source: RefObject<HTMLElement | null>;
  locale: Locale;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const draw = () => {
      const canvas = canvasRef.current;
      // The tile's <video>, or its WebCodecs canvas (sized to the decoded frame, 0 before one).
      const picture = source.current?.querySelector('video, canvas.tile-canvas');
      const [width, height] =
        picture instanceof HTMLVideoElement
          ? [picture.videoWidth, picture.videoHeight]
          : picture instanceof HTMLCanvasElement
            ? [picture.width, picture.height]
            : [0, 0];
      if (!canvas || !picture || width === 0) return;
      const insetHeight = Math.round((INSET_WIDTH * height) / width);
      if (canvas.height !== insetHeight) canvas.height = insetHeight;
      canvas
        .getContext('2d')
        ?.drawImage(picture as CanvasImageSource, 0, 0, INSET_WIDTH, insetHeight);
    };
    draw();
    const timer = window.setInterval(draw, REDRAW_MS);
    return () => window.clearInterval(timer);
  }, [source]);
  const size = `${100 / view.scale}%`;
  return (
    <div
      className="zoom-inset"
      data-testid="zoom-inset"
      aria-label={translate(locale, 'look.zoomInset')}
    >
      <canvas ref={canvasRef} width={INSET_WIDTH} height={108} />
      <div
        className="zoom-inset__view"
        style={{ left: `${view.x * 100}%`, top: `${view.y * 100}%`, width: size, height: size }}
      />
    </div>
  );
}
