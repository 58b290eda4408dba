// The pixel size of an element, kept current as the window changes, so tile rectangles are
// computed in whole pixels for the real size. Only a ResizeObserver reads it: its first report
// comes after the browser's own layout of the frame. Reading clientWidth in the effect instead
// forced that layout inside React's commit of the first page (about 30 ms at 16 tiles, measured),
// ahead of every tile's first stream bytes; until the first report the grid places cells by
// percentages.
import { useEffect, useState, type RefObject } from 'react';

export function useElementSize(ref: RefObject<HTMLElement | null>): {
  width: number;
  height: number;
} {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
