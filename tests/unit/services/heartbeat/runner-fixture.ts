// A heartbeat runner with its clock, timers and POST in the test's hands: timers run only when
// the test fires them, and each POST answers what the test queued.
import type { HeartbeatBody } from '../../../../electron/services/heartbeat/heartbeat-body';
import { heartbeatBody } from '../../../../electron/services/heartbeat/heartbeat-body';
import type {
  HeartbeatRequest,
  PostOutcome,
} from '../../../../electron/services/heartbeat/heartbeat-post';
import {
  HeartbeatRunner,
  type HeartbeatTrouble,
} from '../../../../electron/services/heartbeat/heartbeat-runner';
import type { HeartbeatSettings } from '../../../../electron/settings/heartbeat-settings';

export const T0 = Date.UTC(2026, 10, 30, 1, 0, 0);

export const settings = (change: Partial<HeartbeatSettings> = {}): HeartbeatSettings => ({
  url: 'https://it.example.vn/beat?key=query-secret-123',
  everyMinutes: 5,
  secret: 'sixteen-chars-key!!',
  enabled: true,
  ...change,
});

export function runnerFixture(answers: PostOutcome[] = []) {
  let now = T0;
  const timers: { run: () => void; ms: number }[] = [];
  const posts: HeartbeatRequest[] = [];
  const log: string[] = [];
  const troubles: (HeartbeatTrouble | null)[] = [];
  const pending: ((outcome: PostOutcome) => void)[] = [];
  let hold = false;
  const runner = new HeartbeatRunner({
    sample: (at, wall): HeartbeatBody =>
      heartbeatBody({
        now: at,
        facts: {
          wall,
          appVersion: '0.1.0',
          startedAt: T0,
          pcUptimeSeconds: 99,
          provisioningSequence: null,
        },
        summary: null,
        hours: null,
      }),
    post: (request) => {
      posts.push(request);
      if (hold) return new Promise((resolve) => pending.push(resolve));
      return Promise.resolve(answers.shift() ?? { ok: true, status: 204 });
    },
    hostName: 'PC-CAM-GIANG',
    userAgent: 'One-Stop-Wall/0.1.0',
    log: (line) => log.push(line),
    onTrouble: (trouble) => troubles.push(trouble),
    now: () => now,
    random: () => 0.5,
    timers: {
      set: (run, ms) => {
        const timer = { run, ms };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => {
        const i = timers.indexOf(handle as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    },
  });
  return {
    runner,
    posts,
    log,
    troubles,
    timers,
    pending,
    holdPosts: () => void (hold = true),
    /** Moves the clock to the next timer, runs it, and lets its POST answer. */
    async fire(): Promise<number> {
      const timer = timers.shift();
      if (!timer) throw new Error('no timer is set');
      now += timer.ms;
      timer.run();
      await new Promise((resolve) => setImmediate(resolve));
      return timer.ms;
    },
  };
}
