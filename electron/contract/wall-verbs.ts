// The one table of what the renderer may ask (verbs: request → Result, on `domain:action`
// channels) and what main pushes to it (events). The preload bridge, the preview client, the
// IPC registration and the service's handler map are all derived from it, so adding a verb is
// one entry here plus the service's handler for it (which the compiler then demands).
import type { HealthCsv, HealthCsvRequest, HealthSummary } from './health-view';
import type { OfficeHoursStatus } from './office-hours';
import type { PcCheckReport, RendererPcCheck } from './pc-check';
import type { SnapshotRequest, SnapshotSaved } from './look-closer';
import type { DisplayChoice, SavedLayout } from './saved-layout';
import type {
  CameraDraft,
  CameraTestOutcome,
  CameraTestRequest,
  CentreDraft,
  ExportSecrets,
  MovedSecrets,
  SettingsChange,
  SettingsExport,
  SettingsImport,
  SettingsStatus,
  SettingsView,
} from './settings-view';
import type { StaffStatus } from './staff-status';
import type { Locale, Result, StreamStatus, WallSnapshot } from './wall-contract';

type Channel = `${string}:${string}`;

/** A request channel. `types` is never set: it only carries payload and value to the compiler. */
interface Verb<C extends Channel, Payload, Value> {
  readonly channel: C;
  readonly types?: (payload: Payload) => Value;
}

/** A channel main pushes on; `types` carries the payload type only. */
interface PushedEvent<C extends Channel, Payload> {
  readonly channel: C;
  readonly types?: (payload: Payload) => void;
}

const verb =
  <Payload, Value>() =>
  <C extends Channel>(channel: C): Verb<C, Payload, Value> => ({ channel });
const pushed =
  <Payload>() =>
  <C extends Channel>(channel: C): PushedEvent<C, Payload> => ({ channel });

/** The API's method name → its channel and types. */
export const WALL_VERBS = {
  getSnapshot: verb<void, WallSnapshot>()('wall:get-snapshot'),
  setLocale: verb<Locale, WallSnapshot>()('wall:set-locale'),
  getStatuses: verb<void, StreamStatus[]>()('streams:get-statuses'),
  // The health record: the status view and the CSV export (no PIN: reading is glancing).
  getHealth: verb<void, HealthSummary>()('health:get-summary'),
  exportHealthCsv: verb<HealthCsvRequest, HealthCsv>()('health:export-csv'),
  // The PC check for IT: main's facts with the last measurement, and a new measurement to keep.
  getPcCheck: verb<void, PcCheckReport>()('health:get-pc-check'),
  savePcCheck: verb<RendererPcCheck, PcCheckReport>()('health:save-pc-check'),
  // A tile's frame as PNG into the snapshot folder and the clipboard (no PIN: it only keeps a look).
  saveSnapshot: verb<SnapshotRequest, SnapshotSaved>()('snapshots:save'),
  // Staff verbs: main refuses them while locked (STAFF_LOCKED_ERROR).
  saveLayout: verb<SavedLayout, WallSnapshot>()('layouts:save'),
  deleteLayout: verb<{ id: string }, WallSnapshot>()('layouts:delete'),
  chooseDisplay: verb<{ displayId: string; choice: DisplayChoice }, WallSnapshot>()(
    'displays:choose',
  ),
  quit: verb<void, true>()('wall:quit'),
  // The lock itself. `active` marks staff activity, which keeps an unlock alive.
  staffStatus: verb<{ active: boolean }, StaffStatus>()('staff:status'),
  setStaffPin: verb<{ pin: string }, StaffStatus>()('staff:set-pin'),
  unlockStaff: verb<{ pin: string }, StaffStatus>()('staff:unlock'),
  lockStaff: verb<void, StaffStatus>()('staff:lock'),
  // Office hours: read by anyone; showing the wall outside hours is a staff verb (`show: false`
  // ends the look early).
  getOfficeHours: verb<void, OfficeHoursStatus>()('hours:get-status'),
  showOutsideHours: verb<{ show: boolean }, OfficeHoursStatus>()('hours:show-outside'),
  // The settings screens (settings-view.ts). What the status line says needs no PIN; the rest
  // are staff verbs. Every change is validated by the one schema and applied at once.
  getSettingsStatus: verb<void, SettingsStatus>()('settings:get-status'),
  getSettings: verb<void, SettingsView>()('settings:get'),
  saveCentre: verb<CentreDraft, SettingsChange>()('settings:save-centre'),
  deleteCentre: verb<{ id: string }, SettingsChange>()('settings:delete-centre'),
  saveCamera: verb<CameraDraft, SettingsChange>()('settings:save-camera'),
  deleteCamera: verb<{ id: string }, SettingsChange>()('settings:delete-camera'),
  testCamera: verb<CameraTestRequest, CameraTestOutcome>()('settings:test-camera'),
  exportSettings: verb<ExportSecrets, SettingsExport>()('settings:export'),
  importSettings: verb<SettingsImport, SettingsChange>()('settings:import'),
  moveSecretsToVault: verb<void, MovedSecrets>()('settings:move-secrets-to-vault'),
} as const;

/** The API's subscription name → its channel and payload type. */
export const WALL_EVENTS = {
  onStatus: pushed<StreamStatus>()('streams:status'),
  onSnapshot: pushed<WallSnapshot>()('wall:snapshot'),
  onStaff: pushed<StaffStatus>()('staff:changed'),
  onOfficeHours: pushed<OfficeHoursStatus>()('hours:changed'),
  onSettingsStatus: pushed<SettingsStatus>()('settings:status'),
} as const;

/** The name the preload exposes the API under on `window`. */
export const WALL_API_GLOBAL = 'wallApi';

type Verbs = typeof WALL_VERBS;
type Events = typeof WALL_EVENTS;
type PayloadOf<S> = S extends { readonly types?: (payload: infer P) => unknown } ? P : never;
type ValueOf<S> = S extends { readonly types?: (payload: never) => infer V } ? V : never;

/** Request channels: channel → [request payload, response value]. */
export type WallRequests = {
  [K in keyof Verbs as Verbs[K]['channel']]: [PayloadOf<Verbs[K]>, ValueOf<Verbs[K]>];
};
/** Event channels pushed from main to the renderer: channel → payload. */
export type WallEvents = { [K in keyof Events as Events[K]['channel']]: PayloadOf<Events[K]> };

export type WallRequestChannel = keyof WallRequests;
export type WallEventChannel = keyof WallEvents;

export const WALL_REQUEST_CHANNELS: readonly WallRequestChannel[] = Object.values(WALL_VERBS).map(
  (v) => v.channel,
);
export const WALL_EVENT_CHANNELS: readonly WallEventChannel[] = Object.values(WALL_EVENTS).map(
  (e) => e.channel,
);

type VerbMethod<S> = [PayloadOf<S>] extends [void]
  ? () => Promise<Result<ValueOf<S>>>
  : (payload: PayloadOf<S>) => Promise<Result<ValueOf<S>>>;

/** What the renderer talks to: in Electron `window.wallApi`, in a browser the preview client. */
export type WallApi = { [K in keyof Verbs]: VerbMethod<Verbs[K]> } & {
  /** Each subscribes and returns the function that removes the subscription. */
  [K in keyof Events]: (listener: (payload: PayloadOf<Events[K]>) => void) => () => void;
};

/** How an API reaches main: Electron's IPC in the preload, a WebSocket in the preview. */
export interface WallTransport {
  request(channel: WallRequestChannel, payload: unknown): Promise<Result<unknown>>;
  subscribe(channel: WallEventChannel, listener: (payload: unknown) => void): () => void;
}

/** The WallApi over a transport: one method per verb, one subscription per event. */
export function buildWallApi(transport: WallTransport): WallApi {
  const api: Record<string, unknown> = {};
  for (const [name, { channel }] of Object.entries(WALL_VERBS)) {
    api[name] = (payload?: unknown) => transport.request(channel, payload);
  }
  for (const [name, { channel }] of Object.entries(WALL_EVENTS)) {
    api[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  return api as WallApi;
}

export function isWallRequestChannel(value: unknown): value is WallRequestChannel {
  return (WALL_REQUEST_CHANNELS as readonly unknown[]).includes(value);
}
