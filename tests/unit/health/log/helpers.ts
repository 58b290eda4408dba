// Shared by the health-log tests: a hand-driven clock and throwaway directories.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ID, type ReadRecord } from '../../../../electron/health/log/health-record';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'health-log-'));
}

export class TestClock {
  constructor(public t: number) {}
  readonly now = () => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
}

/** What the disk would hold if the power went now: a copy, taken without close(). */
export function crashImage(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export const cameraRecords = (records: ReadRecord[]) =>
  records.filter((r) => r.cameraId !== APP_ID);

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
