// The heartbeat joined to a running wall: each beat samples the status view's summary (the
// health record), the office hours the controller decided and this PC's facts; repeated
// failures reach the status line through the settings service. start-wall.ts makes one and
// hands it IT's settings at start and after every change that reaches the wall.
import { hostname, uptime } from 'node:os';
import type { HeartbeatSettings } from '../../settings/heartbeat-settings';
import type { WallService } from '../wall-service';
import { heartbeatBody } from './heartbeat-body';
import { heartbeatNotice } from './heartbeat-notice';
import { postHeartbeat, type HeartbeatPoster } from './heartbeat-post';
import { HeartbeatRunner, type HeartbeatTimers } from './heartbeat-runner';

export interface WallHeartbeat {
  configure(settings: HeartbeatSettings | undefined): void;
  /**
   * Where the beat reads the last provisioning sequence applied on this PC (null: none). The
   * provisioning poller sets it once it runs; until then every beat says null.
   */
  setProvisioningSequence(read: () => number | null): void;
  readonly runner: HeartbeatRunner;
  close(): void;
}

export function wallHeartbeat(input: {
  service: Pick<WallService, 'health' | 'hours' | 'settingsControl'>;
  appVersion: string;
  log: (line: string) => void;
  now?: () => number;
  post?: HeartbeatPoster;
  timers?: HeartbeatTimers;
  random?: () => number;
  hostName?: string;
}): WallHeartbeat {
  const { service, appVersion } = input;
  const now = input.now ?? Date.now;
  const startedAt = now();
  let provisioningSequence: () => number | null = () => null;
  const runner = new HeartbeatRunner({
    sample: (at, wall) =>
      heartbeatBody({
        now: at,
        facts: {
          wall,
          appVersion,
          startedAt,
          pcUptimeSeconds: uptime(),
          provisioningSequence: provisioningSequence(),
        },
        summary: service.health?.summary() ?? null,
        hours: service.hours.current(),
      }),
    post: input.post ?? postHeartbeat,
    hostName: input.hostName ?? hostname(),
    userAgent: `One-Stop-Wall/${appVersion}`,
    log: input.log,
    onTrouble: (trouble) =>
      service.settingsControl?.setNotice(
        'heartbeat-failing',
        trouble && heartbeatNotice(trouble, now(), service.hours.current().timeZone),
      ),
    now,
    ...(input.timers ? { timers: input.timers } : {}),
    ...(input.random ? { random: input.random } : {}),
  });
  return {
    configure: (settings) => runner.configure(settings),
    setProvisioningSequence: (read) => void (provisioningSequence = read),
    runner,
    close: () => runner.close(),
  };
}
