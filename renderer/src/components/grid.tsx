// The grid of tiles for the current preset. Cells are keyed by camera, so a camera that stays
// on screen keeps its tile, and with it its player, when the layout changes.
import { useApp } from '../store/app-store';
import { presetCellCount } from '../contract';
import { cellKeys, fitToCells, gridSize } from '../layout/layout-math';
import { Tile } from './tile';

export function Grid({ onActivate }: { onActivate: (cameraId: string) => void }) {
  const layout = useApp((s) => s.snapshot?.layout ?? null);
  if (layout === null) return null;
  const { columns, rows } = gridSize(layout.preset);
  const cameraIds = fitToCells(layout.cameraIds, presetCellCount(layout.preset));
  const keys = cellKeys(cameraIds);
  return (
    <div
      className="grid"
      data-preset={layout.preset}
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {cameraIds.map((cameraId, index) => {
        const cell = keys[index] ?? { key: `cell:${index}`, copy: 0 };
        return (
          <Tile
            key={cell.key}
            cameraId={cameraId}
            copy={cell.copy}
            maximised={false}
            onActivate={onActivate}
          />
        );
      })}
    </div>
  );
}
