// Segment naming and listing: one file per calendar month in UTC, health-YYYY-MM.log.
// UTC, not the centre's zone, so a segment's name never depends on the PC's settings; the
// CSV export converts to local time. Sorting by name is sorting by time.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SegmentFile {
  key: string;
  path: string;
  size: number;
}

const NAME = /^health-(\d{4}-\d{2})\.log$/;

export function monthKey(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

export function segmentPath(dir: string, key: string): string {
  return join(dir, `health-${key}.log`);
}

export function listSegments(dir: string): SegmentFile[] {
  const found: SegmentFile[] = [];
  for (const name of readdirSync(dir)) {
    const key = NAME.exec(name)?.[1];
    if (!key) continue;
    const path = join(dir, name);
    found.push({ key, path, size: statSync(path).size });
  }
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The segments needed to know everything in [from, to): the last one starting at or before
 * `from` (its snapshot + replay gives the state at `from`) and every later one up to `to`.
 */
export function segmentsForRange(all: SegmentFile[], from: number, to: number): SegmentFile[] {
  const fromKey = monthKey(from);
  const toKey = monthKey(Math.max(from, to - 1));
  let first = 0;
  all.forEach((s, i) => {
    if (s.key <= fromKey) first = i;
  });
  return all.slice(first).filter((s) => s.key <= toKey);
}
