// Bounds the log's disk use. The byte cap is hard (a camera flapping every second must not
// fill an office PC's disk); keeping 13+ months is achieved by sizing the cap: a 25-camera
// wall writes about 3 MB a year (see the year-size test), so the default 64 MB holds years.
import { unlinkSync } from 'node:fs';
import { listSegments } from './segment-files';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Deletes the oldest segments while the total exceeds maxBytes; never the current one. */
export function enforceCap(dir: string, maxBytes: number, currentKey: string): string[] {
  const segments = listSegments(dir);
  let total = segments.reduce((sum, s) => sum + s.size, 0);
  const deleted: string[] = [];
  for (const s of segments) {
    if (total <= maxBytes || s.key >= currentKey) break;
    unlinkSync(s.path);
    total -= s.size;
    deleted.push(s.path);
  }
  return deleted;
}
