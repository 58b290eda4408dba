import { describe, expect, it } from 'vitest';
import {
  NO_ZOOM,
  clampView,
  panBy,
  wheelFactor,
  zoomAround,
  zoomKey,
  zoomTransform,
  type ZoomView,
} from '../../../renderer/src/look/zoom-math';

/** Where a picture point (fractions) lands in the tile (fractions) under a view. */
const onScreen = (view: ZoomView, x: number, y: number) => ({
  x: (x - view.x) * view.scale,
  y: (y - view.y) * view.scale,
});

describe('digital zoom', () => {
  it('keeps the picture point under the pointer where it was', () => {
    const view = zoomAround(NO_ZOOM, 3, 0.3, 0.6);
    const point = onScreen(view, 0.3, 0.6);
    expect(point.x).toBeCloseTo(0.3, 12);
    expect(point.y).toBeCloseTo(0.6, 12);
    const again = zoomAround(view, 1.5, 0.9, 0.1);
    const before = { x: view.x + 0.9 / view.scale, y: view.y + 0.1 / view.scale };
    expect(onScreen(again, before.x, before.y).x).toBeCloseTo(0.9, 12);
  });

  it('goes from 1× to 4× in four key presses and to 8× at most, centred', () => {
    let view = NO_ZOOM;
    for (let i = 0; i < 4; i++) view = zoomKey(view, '+')!;
    expect(view).toEqual({ scale: 4, x: 0.375, y: 0.375 });
    for (let i = 0; i < 10; i++) view = zoomKey(view, '+')!;
    expect(view.scale).toBe(8);
    for (let i = 0; i < 10; i++) view = zoomKey(view, '-')!;
    expect(view).toEqual(NO_ZOOM);
  });

  it('never shows outside the picture, at any zoom, pointer or pan', () => {
    const corner = zoomAround(NO_ZOOM, 4, 1, 1);
    expect(corner).toEqual({ scale: 4, x: 0.75, y: 0.75 });
    expect(panBy(corner, 5, 5)).toEqual(corner);
    expect(panBy(corner, -5, -5)).toEqual({ scale: 4, x: 0, y: 0 });
    expect(clampView({ scale: 20, x: -1, y: 2 })).toEqual({ scale: 8, x: 0, y: 0.875 });
    expect(clampView({ scale: 0.5, x: 0.3, y: 0.3 })).toEqual(NO_ZOOM);
  });

  it('pans by a tenth of what shows per arrow, only when zoomed, and 0 resets', () => {
    const view = { scale: 2, x: 0.25, y: 0.25 };
    expect(zoomKey(view, 'ArrowRight')).toEqual({ scale: 2, x: 0.3, y: 0.25 });
    expect(zoomKey(view, 'ArrowUp')).toEqual({ scale: 2, x: 0.25, y: 0.2 });
    expect(zoomKey(NO_ZOOM, 'ArrowLeft')).toBeNull();
    expect(zoomKey(view, '0')).toEqual(NO_ZOOM);
    expect(zoomKey(view, 'x')).toBeNull();
  });

  it('zooms in on wheel up, out on wheel down, and draws with one transform', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.25);
    expect(wheelFactor(100)).toBeCloseTo(0.8);
    expect(zoomTransform(NO_ZOOM)).toBe('none');
    expect(zoomTransform({ scale: 4, x: 0.375, y: 0.5 })).toBe('scale(4) translate(-37.5%, -50%)');
  });
});
