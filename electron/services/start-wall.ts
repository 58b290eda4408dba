// Starts the wall the same way for every host (the Electron app and the browser preview host):
// the weak-key-store warning, the settings store (a damaged one is kept aside and its last
// good copy opened), where the configuration comes from and saying so, the configuration
// itself (secrets decrypted) or the embedded demo, the services, then the host's own way of serving the renderer, and the
// service's events forwarded to it. A host provides only what differs between them. A bad
// configuration file never stops the wall (start-settings.ts): it runs on the last one that
// worked, or shows the problems full screen until the file is fixed.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { WallEventChannel, WallEvents } from '../contract/wall-verbs';
import type { LogLine } from '../logging/logger';
import { describeConfigLocation, locateConfig } from '../settings/config-location';
import { openStoreSafely } from '../settings/open-store-safely';
import type { SecretCodec } from '../settings/protected-secrets';
import { SettingsMemory, type KeyValueStore } from '../settings/settings-store';
import type { ProvisioningPoller } from '../provisioning/provisioning-poller';
import type { LoginBackoffStore } from '../streams/core/login-records';
import type { SessionTimings } from '../streams/core/session-timings';
import type { HeartbeatTimers } from './heartbeat/heartbeat-runner';
import { wallHeartbeat, type WallHeartbeat } from './heartbeat/wall-heartbeat';
import {
  appliedSequenceReader,
  restoreProvisioned,
  startProvisioning,
  withKeptBundle,
  type ProvisioningTuning,
} from './provisioning-wall';
import { startSettings } from './start-settings';
import type { SnapshotPlace } from './snapshot-saver';
import { WallService } from './wall-service';

/** What a host does with the running service: serve the renderer, carry its requests. */
export interface HostServing {
  /** Delivers one of the service's events to every page the host serves. */
  push<C extends WallEventChannel>(channel: C, payload: WallEvents[C]): void;
  close(): Promise<void>;
}

export interface WallHost<Served extends HostServing> {
  log: LogLine;
  /** Where the configuration may be; see config-location.ts for the order. */
  config: {
    argument: string | null;
    environment: string | undefined;
    dataFolderFile: string | null;
  };
  /** Decrypts secrets protected for this PC (Electron's safeStorage); null where there is none. */
  secretCodec: SecretCodec | null;
  /** Opens the store of what the wall remembers, and the file it keeps; null to remember nothing. */
  store: { open(): KeyValueStore; file: string } | null;
  assetsDir: string;
  /** Origins of the host's own pages, which the gateway accepts. */
  allowedOrigins: () => readonly string[];
  timings?: Partial<SessionTimings>;
  /** `--reset-pin`: forget the staff PIN before the wall starts. */
  resetPin?: boolean;
  /**
   * Where snapshots go unless the settings say, and the clipboard; by default a "snapshots"
   * folder beside the settings store and no clipboard (the preview host).
   */
  snapshots?: SnapshotPlace;
  /** Tests only: poll IT's bundle source faster than its configured minutes. */
  provisioning?: ProvisioningTuning;
  /** Tests only: the heartbeat's waits (first beat, retries, period) on other timers. */
  heartbeat?: { timers: HeartbeatTimers };
  /** How staff quit the wall (after the PIN); absent where the host cannot. */
  quit?: () => void;
  /** The app's version, as IT's heartbeat reports it. */
  appVersion?: string;
  serve(service: WallService): Promise<Served>;
}

export interface StartedWall<Served> {
  service: WallService;
  served: Served;
  /** IT's optional heartbeat (off unless the configuration has one). */
  heartbeat: WallHeartbeat;
  /** Polls IT's signed bundles; null when this PC is not provisioned. */
  provisioning: ProvisioningPoller | null;
  close(): Promise<void>;
}

export async function startWall<Served extends HostServing>(
  host: WallHost<Served>,
): Promise<StartedWall<Served>> {
  const { log } = host;
  if (host.secretCodec?.weak) {
    log(
      'credentials: this PC has no key store (Linux basic_text); protected secrets in the configuration are only obscured, not encrypted. Restrict who can read the configuration file.',
    );
  }
  const storeOpener = host.store;
  const opened = storeOpener ? openStoreSafely(() => storeOpener.open(), storeOpener.file) : null;
  if (opened?.warning) log(`settings: ${opened.warning}`);

  const location = locateConfig({ ...host.config, exists: existsSync });
  log(`start: ${describeConfigLocation(location)}`);
  const configFile = location.file ? resolve(location.file) : null;
  const start = startSettings({
    configFile,
    dataDir: storeOpener ? dirname(storeOpener.file) : null,
    pcCodec: host.secretCodec,
    log,
    store: opened?.store ?? null,
    storeDamage: opened?.damage ?? null,
  });
  const book = start.control.book;
  // IT's signed bundles (docs/provisioning.md): the last one applied is put back before start.
  const place = { ...start.control, dataDir: storeOpener ? dirname(storeOpener.file) : null, log };
  const restored = restoreProvisioned(place);
  start.control.overFile = (change) => withKeptBundle(place, change);
  const service = await WallService.start({
    settings: book.settings,
    configSource: book.source,
    settingsControl: start.control,
    memory: opened ? new SettingsMemory(opened.store, configFile ?? 'demo') : null,
    assetsDir: host.assetsDir,
    allowedOrigins: host.allowedOrigins,
    log,
    loginStore: opened ? storeSlot(opened.store, LOGIN_BACKOFF_KEY) : null,
    // The health record lives beside the settings store, in the app's data folder.
    healthDir: storeOpener ? join(dirname(storeOpener.file), 'health') : null,
    snapshots: host.snapshots ?? {
      defaultFolder: join(storeOpener ? dirname(storeOpener.file) : tmpdir(), 'snapshots'),
      copyImage: null,
    },
    ...(host.timings ? { timings: host.timings } : {}),
    ...(host.resetPin ? { resetPin: true } : {}),
    ...(host.quit ? { quit: host.quit } : {}),
  });
  let served: Served;
  try {
    served = await host.serve(service);
  } catch (error) {
    await service.close();
    throw error;
  }
  const stopForwarding = service.onEvent((channel, payload) => served.push(channel, payload));
  const heartbeat = wallHeartbeat({
    service,
    appVersion: host.appVersion ?? 'unknown',
    log,
    ...(host.heartbeat ? { timers: host.heartbeat.timers } : {}),
  });
  heartbeat.configure(book.settings.heartbeat);
  const sequence = appliedSequenceReader(place.dataDir);
  heartbeat.setProvisioningSequence(sequence.read);
  // Every change of settings that reaches the wall ends in a new snapshot (applySettings):
  // the heartbeat follows IT's field then (the same field again changes nothing), and the
  // sequence of a bundle just applied.
  const stopHeartbeat = service.onEvent((channel) => {
    if (channel !== 'wall:snapshot') return;
    heartbeat.configure(book.settings.heartbeat);
    sequence.refresh();
  });
  const poller = service.settingsControl
    ? startProvisioning(place, service.settingsControl, restored, host.provisioning)
    : null;
  const stopWatching = start.watch((doc) => {
    const change = book.replaceBase(doc);
    if (change.ok) service.settingsControl?.fileRecovered(withKeptBundle(place, change));
  });
  return {
    service,
    served,
    heartbeat,
    provisioning: poller,
    async close() {
      stopHeartbeat();
      heartbeat.close();
      poller?.stop();
      stopWatching();
      stopForwarding();
      await served.close();
      await service.close();
    },
  };
}

/** The settings store's key for the refused logins the login gate remembers (no passwords). */
export const LOGIN_BACKOFF_KEY = 'loginBackoff';

function storeSlot(store: KeyValueStore, key: string): LoginBackoffStore {
  return { get: () => store.get(key), set: (value) => store.set(key, value) };
}
