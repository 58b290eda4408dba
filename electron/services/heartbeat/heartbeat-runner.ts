// The heartbeat's loop: off until IT's configuration turns it on, then one signed beat every N
// minutes. The first beat waits 30–60 s after start (the cameras have a state by then, and a
// district's PCs switched on together do not all post in the same second). A failed beat is
// retried sooner, 30 s doubling up to the period, each retry a fresh sample with a fresh
// timestamp. At most one beat is in flight; a reconfiguration drops whatever the old one
// answers. Nothing here waits on the wall or can stop it: timers are unref'd, the POST has a
// deadline, and a sample that throws is a failed beat. The key is never logged, the URL only
// through redact-url.ts.
import { redactUrl } from '../../logging/redact-url';
import type { HeartbeatSettings } from '../../settings/heartbeat-settings';
import { backoffDelay, type BackoffPolicy } from '../../streams/core/backoff';
import type { HeartbeatBody } from './heartbeat-body';
import type { HeartbeatPoster } from './heartbeat-post';
import { signHeartbeat } from './heartbeat-signature';

export const FIRST_BEAT_MS = 30_000;
export const RETRY_FIRST_MS = 30_000;
/** Failures in a row before the status line says so (one lost beat is not news). */
export const FAILURES_BEFORE_NOTICE = 3;

export interface HeartbeatTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: HeartbeatTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Beats failing in a row, for the status line; null once one gets through (or it is off). */
export interface HeartbeatTrouble {
  failures: number;
  since: number;
  problem: string;
}

export interface HeartbeatRunnerOptions {
  /** The body at `now` for the wall named `wall`. */
  sample(now: number, wall: string): HeartbeatBody;
  post: HeartbeatPoster;
  /** This PC's host name: the wall's name unless IT gives one. */
  hostName: string;
  userAgent: string;
  log: (line: string) => void;
  onTrouble: (trouble: HeartbeatTrouble | null) => void;
  now?: () => number;
  random?: () => number;
  timers?: HeartbeatTimers;
}

export class HeartbeatRunner {
  private config: HeartbeatSettings | null = null;
  private key = '';
  private generation = 0;
  private timer: unknown = null;
  private failures = 0;
  private failingSince = 0;
  private lastProblem = '';
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: HeartbeatTimers;

  constructor(private readonly options: HeartbeatRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
  }

  /** Starts, stops or restarts the loop for IT's settings; the same settings again: nothing. */
  configure(settings: HeartbeatSettings | undefined): void {
    const active = settings?.enabled && settings.secret !== '' ? settings : null;
    const keyless = settings?.enabled === true && settings.secret === '';
    const key = active ? JSON.stringify(active) : keyless ? 'no key' : '';
    if (key === this.key) return;
    const wasOn = this.config !== null;
    this.stop();
    this.key = key;
    this.config = active;
    if (keyless) {
      this.options.log(
        'heartbeat: off: heartbeat.secret is not on this PC (a vault reference from another PC); put the key in the configuration file again',
      );
    } else if (!active && wasOn) this.options.log('heartbeat: off');
    if (!active) return;
    this.options.log(
      `heartbeat: every ${active.everyMinutes} min to ${redactUrl(active.url)} as "${this.wallName(active)}"`,
    );
    this.schedule(FIRST_BEAT_MS + Math.round(this.random() * FIRST_BEAT_MS));
  }

  /** Consecutive failures now (0 when the last beat got through). */
  get failuresInARow(): number {
    return this.failures;
  }

  close(): void {
    this.stop();
    this.config = null;
    this.key = '';
  }

  private stop(): void {
    this.generation += 1;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (this.failures >= FAILURES_BEFORE_NOTICE) this.options.onTrouble(null);
    this.failures = 0;
    this.lastProblem = '';
  }

  private wallName(config: HeartbeatSettings): string {
    return config.wallName ?? this.options.hostName;
  }

  private schedule(ms: number): void {
    const generation = this.generation;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.beat(generation);
    }, ms);
  }

  private async beat(generation: number): Promise<void> {
    const config = this.config;
    if (generation !== this.generation || !config) return;
    const now = this.now();
    let outcome: { ok: true } | { ok: false; problem: string };
    try {
      const body = JSON.stringify(this.options.sample(now, this.wallName(config)));
      const signed = signHeartbeat(body, config.secret, now);
      outcome = await this.options.post({
        url: config.url,
        body,
        ...signed,
        ...(config.tlsTrust ? { tlsTrust: config.tlsTrust } : {}),
        userAgent: this.options.userAgent,
      });
    } catch (error) {
      outcome = { ok: false, problem: `the beat could not be made (${String(error)})` };
    }
    if (generation !== this.generation) return;
    const periodMs = config.everyMinutes * 60_000;
    if (outcome.ok) this.succeeded();
    else this.failed(outcome.problem, now);
    const retry: BackoffPolicy = {
      initialMs: RETRY_FIRST_MS,
      maxMs: periodMs,
      factor: 2,
      jitter: 0.2,
    };
    this.schedule(
      outcome.ok
        ? periodMs
        : Math.min(periodMs, backoffDelay(retry, this.failures - 1, this.random)),
    );
  }

  private succeeded(): void {
    if (this.failures > 0) {
      this.options.log(`heartbeat: delivered again after ${this.failures} failed beat(s)`);
    }
    if (this.failures >= FAILURES_BEFORE_NOTICE) this.options.onTrouble(null);
    this.failures = 0;
    this.lastProblem = '';
  }

  private failed(problem: string, now: number): void {
    this.failures += 1;
    if (this.failures === 1) this.failingSince = now;
    // Said once, again when it fails a new way, and when it becomes a notice; not every retry.
    if (this.failures === 1 || problem !== this.lastProblem) {
      this.options.log(`heartbeat: not delivered: ${problem}; the wall keeps running`);
    }
    if (this.failures === FAILURES_BEFORE_NOTICE) {
      this.options.log(
        `heartbeat: ${this.failures} beats in a row not delivered; IT does not see this wall`,
      );
    }
    this.lastProblem = problem;
    if (this.failures >= FAILURES_BEFORE_NOTICE) {
      this.options.onTrouble({ failures: this.failures, since: this.failingSince, problem });
    }
  }
}
