// What one heartbeat says, built from what the wall already knows: the status view's summary
// (health-summary.ts: each camera's state from the health log, and since when), the office
// hours as the controller decided them, and a few facts about this PC and app. Nothing is
// computed twice, and nothing here can carry a credential: ids, state words, times, counts.
import type { HealthSummary } from '../../contract/health-view';
import type { OfficeHoursStatus } from '../../contract/office-hours';

export const HEARTBEAT_FORMAT = 'one-stop-wall-heartbeat';
export const HEARTBEAT_VERSION = 1;

export interface HeartbeatFacts {
  wall: string;
  appVersion: string;
  /** Epoch ms the wall started (this run of the app). */
  startedAt: number;
  /** Seconds since the PC booted (os.uptime()). */
  pcUptimeSeconds: number;
  /** The last provisioning bundle applied here, or null (none, or no provisioning). */
  provisioningSequence: number | null;
}

export interface HeartbeatCamera {
  id: string;
  /** The health log's state word ('live', 'no-media', 'auth-failed', 'outside-hours', …). */
  state: string | null;
  /** The camera shows a picture now ('live'). */
  picture: boolean;
  since: string | null;
}

export interface HeartbeatCentre {
  id: string;
  /** Every camera in service there is down now: IT cannot see this centre. */
  down: boolean;
  downSince: string | null;
  /** Office-hours availability today, 0…1, or null when no office-hours time was counted. */
  availabilityToday: number | null;
  cameras: HeartbeatCamera[];
}

export interface HeartbeatBody {
  format: typeof HEARTBEAT_FORMAT;
  version: typeof HEARTBEAT_VERSION;
  wall: string;
  appVersion: string;
  sentAt: string;
  uptimeSeconds: number;
  pcUptimeSeconds: number;
  officeHours: { inHours: boolean; showing: boolean; timeZone: string } | null;
  provisioningSequence: number | null;
  /** False when this PC keeps no health record (no data folder): `centres` is then empty. */
  healthRecord: boolean;
  totals: { centres: number; centresDown: number; cameras: number; withPicture: number };
  centres: HeartbeatCentre[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function heartbeatBody(input: {
  now: number;
  facts: HeartbeatFacts;
  summary: HealthSummary | null;
  hours: OfficeHoursStatus | null;
}): HeartbeatBody {
  const { now, facts, summary, hours } = input;
  const centres: HeartbeatCentre[] = (summary?.sites ?? []).map((site) => ({
    id: site.siteId,
    down: site.down,
    downSince: iso(site.downSince),
    availabilityToday: site.availability.today,
    cameras: site.cameras.map((camera) => ({
      id: camera.cameraId,
      state: camera.state,
      picture: camera.state === 'live',
      since: iso(camera.since),
    })),
  }));
  const cameras = centres.flatMap((c) => c.cameras);
  return {
    format: HEARTBEAT_FORMAT,
    version: HEARTBEAT_VERSION,
    wall: facts.wall,
    appVersion: facts.appVersion,
    sentAt: new Date(now).toISOString(),
    uptimeSeconds: Math.max(0, Math.floor((now - facts.startedAt) / 1000)),
    pcUptimeSeconds: Math.floor(facts.pcUptimeSeconds),
    officeHours: hours
      ? { inHours: hours.inHours, showing: hours.showing, timeZone: hours.timeZone }
      : null,
    provisioningSequence: facts.provisioningSequence,
    healthRecord: summary !== null,
    totals: {
      centres: centres.length,
      centresDown: centres.filter((c) => c.down).length,
      cameras: cameras.length,
      withPicture: cameras.filter((c) => c.picture).length,
    },
    centres,
  };
}
