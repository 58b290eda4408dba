// Digital zoom of the maximised tile: + and − (or the wheel, around the pointer), arrows or a
// drag to move, 0 to reset. The view lives in the tile's component, so it is forgotten when
// the tile returns to the grid. Keys are ignored while a dialog is open.
import type { CSSProperties, RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../store/app-store';
import {
  NO_ZOOM,
  panBy,
  wheelFactor,
  zoomAround,
  zoomKey,
  zoomTransform,
  type ZoomView,
} from './zoom-math';

export interface TileZoom {
  view: ZoomView;
  /** For the tile's picture (live and replay alike). */
  style: CSSProperties;
}

export function useTileZoom(active: boolean, tileRef: RefObject<HTMLElement | null>): TileZoom {
  const [view, setView] = useState<ZoomView>(NO_ZOOM);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || appStore.getState().overlay !== null)
        return;
      const next = zoomKey(viewRef.current, event.key);
      if (next === null) return;
      event.preventDefault();
      setView(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  useEffect(() => {
    const tile = tileRef.current;
    if (!active || !tile) return;
    const fraction = (event: MouseEvent) => {
      const rect = tile.getBoundingClientRect();
      return {
        x: (event.clientX - rect.left) / rect.width,
        y: (event.clientY - rect.top) / rect.height,
      };
    };
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const at = fraction(event);
      setView((v) => zoomAround(v, wheelFactor(event.deltaY), at.x, at.y));
    };
    let drag: { x: number; y: number } | null = null;
    const onDown = (event: PointerEvent): void => {
      if (event.button !== 0 || viewRef.current.scale === 1) return;
      drag = fraction(event);
      tile.setPointerCapture(event.pointerId);
    };
    const onMove = (event: PointerEvent): void => {
      if (!drag) return;
      const at = fraction(event);
      // Dragging the picture right shows what is to its left.
      setView((v) => panBy(v, drag!.x - at.x, drag!.y - at.y));
      drag = at;
    };
    const onUp = (): void => {
      drag = null;
    };
    tile.addEventListener('wheel', onWheel, { passive: false });
    tile.addEventListener('pointerdown', onDown);
    tile.addEventListener('pointermove', onMove);
    tile.addEventListener('pointerup', onUp);
    tile.addEventListener('pointercancel', onUp);
    return () => {
      tile.removeEventListener('wheel', onWheel);
      tile.removeEventListener('pointerdown', onDown);
      tile.removeEventListener('pointermove', onMove);
      tile.removeEventListener('pointerup', onUp);
      tile.removeEventListener('pointercancel', onUp);
    };
  }, [active, tileRef]);

  const shown = active ? view : NO_ZOOM;
  return { view: shown, style: { transform: zoomTransform(shown), transformOrigin: '0 0' } };
}
