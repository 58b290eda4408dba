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
        const rect = rects[index];
        const tile = grid.tiles[index];
        return (
          <div
            key={cell.key}
            className="grid__cell"
            data-cell={index}
            data-span={tile ? `${tile.colSpan}x${tile.rowSpan}` : '1x1'}
            style={rect && { left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
          >
            <Tile cameraId={cameraId} copy={cell.copy} maximised={false} onActivate={onActivate} />
          </div>
        );
      })}
    </div>
  );
}
