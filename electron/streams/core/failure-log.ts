// What a session writes to the log about its failures. A camera that stays down fails the
// same way every few seconds for days: each kind of failure is logged once, then at most every
// FAILURE_LOG_INTERVAL_MS with a repeat count, and its return is logged once.
import type { SourceFailure } from './source';

export const FAILURE_LOG_INTERVAL_MS = 10 * 60_000;

export class FailureLog {
  /** Per failure code: when it was last logged, and how many repeats were not. */
  private readonly seen = new Map<string, { at: number; repeats: number }>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly prefix: string,
  ) {}

  failed(failure: SourceFailure, now = Date.now()): void {
    const entry = this.seen.get(failure.code);
    if (entry && now - entry.at < FAILURE_LOG_INTERVAL_MS) {
      entry.repeats += 1;
      return;
    }
    const repeats =
      entry && entry.repeats > 0 ? ` (${entry.repeats} more times since the last report)` : '';
    this.log(`${this.prefix}: ${failure.message}${repeats}`);
    this.seen.set(failure.code, { at: now, repeats: 0 });
  }

  /** Video is flowing again: say so once if a failure had been logged. */
  recovered(): void {
    if (this.seen.size === 0) return;
    this.log(`${this.prefix}: video is back`);
    this.seen.clear();
  }
}
