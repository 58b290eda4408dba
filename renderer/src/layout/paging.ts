// Which camera sits in which cell on which page. A layout's list (or every configured camera,
// for "All centres") runs on over as many pages as it needs; the last page's spare cells stay
// blank. Pure, so paging is unit-tested under Node.
import type { SavedLayout } from '../contract';

/** The ordered camera list a layout shows across all its pages. */
export function layoutCameraList(
  layout: Pick<SavedLayout, 'cameras'>,
  cameras: readonly { id: string }[],
): (string | null)[] {
  return layout.cameras === 'all' ? cameras.map((c) => c.id) : layout.cameras;
}

export function pageCount(
  layout: Pick<SavedLayout, 'cameras' | 'grid'>,
  cameras: readonly { id: string }[],
): number {
  const cells = layout.grid.tiles.length;
  const list = layoutCameraList(layout, cameras);
  // Trailing blanks do not make a page of their own.
  let used = list.length;
  while (used > 0 && list[used - 1] === null) used -= 1;
  return Math.max(1, Math.ceil(used / cells));
}

/** A page number kept inside 0 … count-1, wrapping round both ways. */
export function wrapPage(page: number, count: number): number {
  return ((page % count) + count) % count;
}

/** One entry per tile of the page; null is a blank cell. */
export function pageCells(
  layout: Pick<SavedLayout, 'cameras' | 'grid'>,
  cameras: readonly { id: string }[],
  page: number,
): (string | null)[] {
  const cells = layout.grid.tiles.length;
  const list = layoutCameraList(layout, cameras);
  const start = wrapPage(page, pageCount(layout, cameras)) * cells;
  return Array.from({ length: cells }, (_, i) => list[start + i] ?? null);
}

/** "2/3" for the pager: pages counted from 1. */
export function pagerText(page: number, count: number): string {
  return `${wrapPage(page, count) + 1}/${count}`;
}
