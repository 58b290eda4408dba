// "2/3" in a corner when the layout has more cameras than cells: small and steady.
import { pagerText } from '../layout/paging';

export function Pager({ page, count }: { page: number; count: number }) {
  if (count <= 1) return null;
  return (
    <div className="pager" data-testid="pager">
      {pagerText(page, count)}
    </div>
  );
}
