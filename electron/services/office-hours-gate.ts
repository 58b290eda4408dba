// What office hours change in main: outside them (and without a staff look) every upstream
// goes idle. The broker closes its sessions and refuses new viewers, whoever they are (a tile,
// the background watch of off-screen cameras), and the health record says 'outside-hours'
// rather than counting the cameras as down or unwatched.
import type { OfficeHoursStatus } from '../contract/office-hours';
import type { StreamBroker } from '../streams/core/stream-broker';
import type { BackgroundWatch } from './background-watch';
import type { WallHealth } from './health/wall-health';

/** What every viewer is told while the wall is dark outside office hours. */
export const OUTSIDE_HOURS_REASON = 'outside office hours';

export function applyOfficeHours(
  status: OfficeHoursStatus,
  parts: {
    broker: StreamBroker;
    watch: Pick<BackgroundWatch, 'pause' | 'resume'>;
    health: WallHealth | null;
    log: (line: string) => void;
  },
): void {
  const { broker, watch, health, log } = parts;
  if (status.showing === !broker.held) return;
  // The background watch lets go before the broker refuses viewers (so it does not log a
  // refusal per camera), and takes its sessions again once the broker accepts them.
  if (status.showing) {
    broker.release();
    watch.resume();
  } else {
    watch.pause();
    broker.hold(OUTSIDE_HOURS_REASON);
  }
  health?.setOutsideHours(!status.showing);
  log(
    status.showing
      ? `office hours: the wall shows the cameras (${status.inHours ? 'working hours' : 'staff look, outside working hours'})`
      : 'office hours: outside working hours; every stream is closed until the wall shows again',
  );
}

/** The staff verb's payload: `{ show: true }` starts a look outside hours, `false` ends it. */
export function parseShowOutside(payload: unknown): boolean | null {
  const show = (payload as { show?: unknown } | null)?.show;
  return typeof show === 'boolean' ? show : null;
}
