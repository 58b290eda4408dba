// Digital zoom on a maximised tile, as plain arithmetic: the view is a scale and the top-left
// corner of what shows, in fractions of the whole picture, always kept inside it. The tile
// draws it with one CSS transform (the GPU scales the decoded frame; nothing is re-encoded).
import { MAX_ZOOM } from '../contract';

export interface ZoomView {
  /** 1 = the whole picture; up to MAX_ZOOM. */
  scale: number;
  /** Left and top edges of the view, as fractions of the picture (0 … 1 − 1/scale). */
  x: number;
  y: number;
}

export const NO_ZOOM: ZoomView = { scale: 1, x: 0, y: 0 };
/** One press of + or −: six presses from 1× to 8×, two to 2×, four to 4×. */
export const KEY_ZOOM_FACTOR = Math.SQRT2;
/** One arrow press moves a tenth of what shows. */
export const KEY_PAN_FRACTION = 0.1;

export function clampView(view: ZoomView): ZoomView {
  const scale = Math.min(MAX_ZOOM, Math.max(1, view.scale));
  const room = 1 - 1 / scale;
  const clamp = (v: number) => Math.min(room, Math.max(0, v));
  return { scale, x: clamp(view.x), y: clamp(view.y) };
}

/**
 * Zooms by `factor` keeping the picture point under the pointer where it is. `px`, `py`: the
 * pointer in fractions of the tile (0.5, 0.5 for the keys).
 */
export function zoomAround(view: ZoomView, factor: number, px: number, py: number): ZoomView {
  const scale = Math.min(MAX_ZOOM, Math.max(1, view.scale * factor));
  // The picture point under the pointer, before and after.
  const pointX = view.x + px / view.scale;
  const pointY = view.y + py / view.scale;
  // Nearly 1× or nearly 8× after rounding errors of repeated √2 steps: snap.
  const snapped = Math.abs(scale - Math.round(scale)) < 1e-9 ? Math.round(scale) : scale;
  return clampView({ scale: snapped, x: pointX - px / snapped, y: pointY - py / snapped });
}

/** Moves the view by fractions of the tile (a drag of the whole tile width moves 1/scale). */
export function panBy(view: ZoomView, dx: number, dy: number): ZoomView {
  return clampView({ ...view, x: view.x + dx / view.scale, y: view.y + dy / view.scale });
}

/** The wheel: a notch (about 100 px of deltaY) zooms by 1.25; up zooms in. */
export function wheelFactor(deltaY: number): number {
  return Math.pow(1.25, -deltaY / 100);
}

/** The CSS transform of the tile's picture for a view (transform-origin: 0 0). */
export function zoomTransform(view: ZoomView): string {
  if (view.scale === 1) return 'none';
  return `scale(${view.scale}) translate(${-view.x * 100}%, ${-view.y * 100}%)`;
}

/** What a key does to the view, or null when the key is not a zoom key. */
export function zoomKey(view: ZoomView, key: string): ZoomView | null {
  const step = KEY_PAN_FRACTION;
  switch (key) {
    case '+':
    case '=':
      return zoomAround(view, KEY_ZOOM_FACTOR, 0.5, 0.5);
    case '-':
    case '_':
      return zoomAround(view, 1 / KEY_ZOOM_FACTOR, 0.5, 0.5);
    case '0':
      return NO_ZOOM;
    case 'ArrowLeft':
      return view.scale > 1 ? panBy(view, -step, 0) : null;
    case 'ArrowRight':
      return view.scale > 1 ? panBy(view, step, 0) : null;
    case 'ArrowUp':
      return view.scale > 1 ? panBy(view, 0, -step) : null;
    case 'ArrowDown':
      return view.scale > 1 ? panBy(view, 0, step) : null;
    default:
      return null;
  }
}
