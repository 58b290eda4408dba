// Reloading a renderer that crashed or hung. A page that crashes at once on every load (a bad
// driver, a codec that kills the renderer) must not spin the CPU reloading it a hundred times
// a second; a wall that crashed once last week must come back after a second, not a minute.
// So: 1 s, 2 s, 4 s … capped at a minute, and forgotten after 10 minutes of health.
// Pure: times come in as arguments, so tests drive it with a fake clock.

export interface CrashBackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Healthy this long after the last reload, the next crash starts again from initialMs. */
  healthyResetMs: number;
}

export const DEFAULT_CRASH_BACKOFF: CrashBackoffOptions = {
  initialMs: 1_000,
  maxMs: 60_000,
  healthyResetMs: 10 * 60_000,
};

export class CrashBackoff {
  private crashesInARow = 0;
  private lastReloadAt: number | null = null;

  constructor(private readonly options: CrashBackoffOptions = DEFAULT_CRASH_BACKOFF) {}

  /** A crash at `at` (ms, any monotonic clock): how long to wait before reloading. */
  nextDelay(at: number): number {
    const healthyFor = this.lastReloadAt === null ? Infinity : at - this.lastReloadAt;
    if (healthyFor >= this.options.healthyResetMs) this.crashesInARow = 0;
    const exponent = Math.min(this.crashesInARow, 30);
    const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** exponent);
    this.crashesInARow += 1;
    this.lastReloadAt = at + delay;
    return delay;
  }

  /** Crashes since the last healthy stretch, counting the latest one. */
  get streak(): number {
    return this.crashesInARow;
  }
}

export type RecoveryStep =
  | { kind: 'none' }
  | { kind: 'end-renderer'; line: string }
  | { kind: 'reload'; delayMs: number; line: string };

/**
 * One wall window's renderer. A hung renderer is ended (the 'gone' event that follows
 * schedules the reload, so both paths share one backoff); while a reload is scheduled, further
 * trouble adds nothing. The log lines carry the reason, for IT reading wall.log weeks later.
 */
export class RendererWatch {
  private reloadPending = false;
  private cause: string | null = null;

  constructor(
    private readonly label: string,
    private readonly backoff = new CrashBackoff(),
  ) {}

  unresponsive(): RecoveryStep {
    if (this.reloadPending || this.cause !== null) return { kind: 'none' };
    this.cause = 'unresponsive';
    return { kind: 'end-renderer', line: `${this.label}: renderer unresponsive; ending it` };
  }

  gone(at: number, reason: string): RecoveryStep {
    if (this.reloadPending) return { kind: 'none' };
    const why = this.cause === null ? reason : `${this.cause}, then ${reason}`;
    this.cause = null;
    this.reloadPending = true;
    const delayMs = this.backoff.nextDelay(at);
    const streak = this.backoff.streak;
    const inARow = streak > 1 ? ` (crash ${streak} in a row)` : '';
    const line = `${this.label}: renderer gone (${why}); reloading in ${formatDelay(delayMs)}${inARow}`;
    return { kind: 'reload', delayMs, line };
  }

  /** The scheduled reload ran (or the window went away): trouble counts again. */
  reloaded(): void {
    this.reloadPending = false;
  }
}

export function formatDelay(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}
