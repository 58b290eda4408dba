// The tiles of this display's page, each placed at its rectangle in whole pixels. Cells are
// keyed by camera, so a camera that stays on screen keeps its tile, and with it its player,
// when the layout, the page or the tour's step changes.
import { useRef } from 'react';
import { cellKeys, tileRects } from '../layout/layout-math';
import { useElementSize } from '../hooks/use-element-size';
import type { CurrentView } from '../store/current-view';
import { Tile } from './tile';

export function Grid({
  view,
  onActivate,
}: {
  view: CurrentView;
  onActivate: (cameraId: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const { grid } = view.layout;
  const rects = tileRects(grid, size);
  const keys = cellKeys(view.cells);
  return (
    <div
      ref={ref}
      className="grid"
      data-testid="grid"
      data-layout-id={view.layout.id}
      data-template={view.layout.template}
      data-page={view.page}
    >
      {view.cells.map((cameraId, index) => {
        const cell = keys[index] ?? { key: `cell:${index}`, copy: 0 };
        const rect = size.width > 0 ? rects[index] : undefined;
        const tile = grid.tiles[index];
        // Before the first measurement, place by percentages so no video starts at 0 x 0.
        const style = rect
          ? { left: rect.x, top: rect.y, width: rect.width, height: rect.height }
          : tile && {
              left: `${(tile.col / grid.columns) * 100}%`,
              top: `${(tile.row / grid.rows) * 100}%`,
              width: `${(tile.colSpan / grid.columns) * 100}%`,
              height: `${(tile.rowSpan / grid.rows) * 100}%`,
            };
        return (
          <div
            key={cell.key}
            className="grid__cell"
            data-cell={index}
            data-span={tile ? `${tile.colSpan}x${tile.rowSpan}` : '1x1'}
            style={style}
          >
            <Tile cameraId={cameraId} copy={cell.copy} maximised={false} onActivate={onActivate} />
          </div>
        );
      })}
    </div>
  );
}
