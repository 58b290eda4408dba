// What the sessions write to the log about failures, one log per camera (its main and sub
// streams share it). A camera that stays down fails the same way every few seconds for days,
// and a stream that keeps ending comes back as often: each kind (every failure code, and
// "video is back") is written once, then at most every FAILURE_LOG_INTERVAL_MS with a count.
// The memory is dropped only when video has played steadily, so a flapping stream does not
// start the cycle again on every few seconds of picture.
import type { Quality } from '../../contract/wall-contract';
import type { SourceFailure } from './source';

export const FAILURE_LOG_INTERVAL_MS = 10 * 60_000;

const RECOVERED = 'video is back';

export class FailureLog {
  /** Per kind: when it was last written, and how many repeats were not. */
  private readonly seen = new Map<string, { at: number; repeats: number }>();
  /** Qualities with a failure since their video last came back. */
  private readonly down = new Set<Quality>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  failed(prefix: string, quality: Quality, failure: SourceFailure): void {
    this.down.add(quality);
    this.write(failure.code, `${prefix}: ${failure.message}`);
  }

  /** Video is flowing again: said like a failure kind, if a failure had been noted. */
  recovered(prefix: string, quality: Quality): void {
    if (!this.down.delete(quality)) return;
    this.write(RECOVERED, `${prefix}: ${RECOVERED}`);
  }

  /** Video has played without a break for a while: report uncounted repeats, then forget. */
  steady(prefix: string, quality: Quality): void {
    const pending = [...this.seen].filter(([, entry]) => entry.repeats > 0);
    if (pending.length > 0) {
      const counts = pending.map(([kind, entry]) => `${kind} ${entry.repeats}×`).join(', ');
      this.log(`${prefix}: video plays steadily again (not reported since: ${counts})`);
    }
    this.seen.clear();
    this.down.delete(quality);
  }

  private write(kind: string, line: string): void {
    const now = this.now();
    const entry = this.seen.get(kind);
    if (entry && now - entry.at < FAILURE_LOG_INTERVAL_MS) {
      entry.repeats += 1;
      return;
    }
    const repeats =
      entry && entry.repeats > 0 ? ` (${entry.repeats} more times since the last report)` : '';
    this.log(`${line}${repeats}`);
    this.seen.set(kind, { at: now, repeats: 0 });
  }
}
