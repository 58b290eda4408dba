// Calm grey words in the top-left corner when the PC check says this layout asks more than this PC measured
// (tiles at full frame rate) or shows H.265 cameras this display cannot decode. Words, grey, no
// alarm: the wall still plays; IT reads it and acts.
import { DEFAULT_LOCALE, type StreamStatus } from '../../contract';
import { capacityWarnings } from '../../health/capacity-warning';
import { usePcCheck } from '../../health/pc-check-store';
import { useApp } from '../../store/app-store';
import type { CurrentView } from '../../store/current-view';

export function CapacityNotice({ view }: { view: CurrentView }) {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const statuses = useApp((s) => s.statuses);
  const report = usePcCheck((s) => s.report);
  const cameraIds = view.cells.filter((id): id is string => id !== null);
  const words = capacityWarnings(
    report,
    // Tiles that show a camera: a blank cell decodes nothing.
    { tiles: cameraIds.length, cameraIds },
    Object.values(statuses) as StreamStatus[],
    locale,
  );
  if (words.length === 0) return null;
  return (
    <div className="capacity-notice" role="status" data-testid="capacity-notice">
      {words.join(' · ')}
    </div>
  );
}
