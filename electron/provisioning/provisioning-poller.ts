// Polls a bundle source (HTTPS or a folder), and applies a bundle only when it passes every
// check. Electron-free: the wall injects how to read its current settings, how to apply new
// ones, and where to report; tests inject the fetcher, the clock, the timers and the file system.
import { createHash } from 'node:crypto';
import type { BundlePayload, SettingsLike } from './bundle-format';
import { summariseChanges } from './describe-changes';
import { encryptConfigSecrets } from './fleet-secrets';
import { readNewestBundle, type FolderFs } from './folder-source';
import { createHttpsFetcher, type BundleFetcher } from './https-source';
import { prepareBundle, type PrepareRefusal } from './prepare-bundle';
import { readState, writeState, type StateFs } from './atomic-state';
import type { PinnedKeys } from './signing-keys';

export type ProvisioningOutcome =
  | 'applied'
  | 'up-to-date'
  | 'no-bundle'
  | 'refused'
  | 'rolled-back'
  | 'rollback-failed'
  | 'source-error';

/** One poll's outcome, for the wall's status line and log. Never holds a secret or a URL path. */
export interface ProvisioningStatus {
  outcome: ProvisioningOutcome;
  at: string;
  message: string;
  sequence?: number;
  refusal?: PrepareRefusal;
  /** Applied bundles: what changed, in words (hosts only). */
  changes?: string[];
}

export type BundleSource =
  | { kind: 'https'; url: string; fetch?: BundleFetcher }
  | { kind: 'folder'; path: string; fs?: FolderFs };

export interface PollerOptions {
  source: BundleSource;
  publicKeys: PinnedKeys;
  fleetKey: Buffer;
  expectedFleet?: string;
  statePath: string;
  stateFs?: StateFs;
  now?: () => Date;
  /** Default 5 minutes. */
  intervalMs?: number;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
  getCurrent(): SettingsLike | Promise<SettingsLike>;
  /**
   * Starts the given settings; throws when they cannot start. Must be safe to call again.
   * `bundle` is the verified payload they came from (absent when rolling back), so the wall
   * can keep its managed parts across a restart.
   */
  apply(next: SettingsLike, bundle?: BundlePayload): Promise<void>;
  onStatus?(status: ProvisioningStatus): void;
}

export interface ProvisioningPoller {
  pollOnce(): Promise<ProvisioningStatus>;
  start(): void;
  stop(): void;
}

const defaultTimers = {
  set: (run: () => void, ms: number) => setTimeout(run, ms).unref(),
  clear: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
};

export function createProvisioningPoller(options: PollerOptions): ProvisioningPoller {
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? defaultTimers;
  const fetcher =
    options.source.kind === 'https' ? (options.source.fetch ?? createHttpsFetcher()) : null;
  let etag: string | null = null;
  // A bundle that failed to start is not retried on every poll: that would restart the wall's
  // streams every few minutes. A new bundle (other bytes) is tried as usual.
  let failed: { digest: string; status: ProvisioningStatus } | null = null;
  let inFlight: Promise<ProvisioningStatus> | null = null;
  let timer: unknown = null;
  let stopped = true;

  const status = (s: Omit<ProvisioningStatus, 'at'>): ProvisioningStatus => ({
    at: now().toISOString(),
    ...s,
  });

  async function readSource(): Promise<{ text: string } | ProvisioningStatus> {
    const source = options.source;
    try {
      if (source.kind === 'folder') {
        const found = await readNewestBundle(source.path, source.fs);
        if (found.kind === 'none')
          return status({ outcome: 'no-bundle', message: `no bundle in ${source.path}` });
        return { text: found.text };
      }
      const result = await fetcher!(source.url, { etag });
      if (result.kind === 'not-modified')
        return status({ outcome: 'up-to-date', message: 'no new bundle on the server' });
      etag = result.etag;
      return { text: result.text };
    } catch (error) {
      const where = source.kind === 'folder' ? source.path : new URL(source.url).host;
      return status({
        outcome: 'source-error',
        message: `could not read a bundle from ${where}: ${(error as Error).message}`,
      });
    }
  }

  async function poll(): Promise<ProvisioningStatus> {
    const read = await readSource();
    if (!('text' in read)) return read;
    const digest = createHash('sha256').update(read.text).digest('hex');
    if (failed?.digest === digest) return failed.status;
    let state;
    try {
      state = await readState(options.statePath, options.stateFs);
    } catch (error) {
      return status({
        outcome: 'source-error',
        message: `bundle not applied: the provisioning state file cannot be read (${(error as Error).message}). Ask IT to check or remove it.`,
      });
    }
    if (state.lastAppliedDigest === digest) {
      return status({
        outcome: 'up-to-date',
        sequence: state.lastAppliedSequence ?? undefined,
        message: `bundle ${state.lastAppliedSequence} is already applied`,
      });
    }
    const current = await options.getCurrent();
    const prepared = prepareBundle(read.text, current, {
      publicKeys: options.publicKeys,
      fleetKey: options.fleetKey,
      now: now(),
      lastAppliedSequence: state.lastAppliedSequence,
      ...(options.expectedFleet !== undefined ? { expectedFleet: options.expectedFleet } : {}),
    });
    if (!prepared.ok) {
      return status({
        outcome: 'refused',
        refusal: prepared.kind,
        message: `bundle refused: ${prepared.message}`,
        ...(prepared.sequence !== undefined ? { sequence: prepared.sequence } : {}),
      });
    }
    const sequence = prepared.payload.sequence;
    try {
      await options.apply(prepared.next, prepared.payload);
    } catch (error) {
      const why = (error as Error).message;
      let outcome: ProvisioningOutcome = 'rolled-back';
      let message = `bundle ${sequence} could not start (${why}); the previous configuration was kept`;
      try {
        await options.apply(current);
      } catch (again) {
        outcome = 'rollback-failed';
        message = `bundle ${sequence} could not start (${why}), and restarting the previous configuration failed too (${(again as Error).message}). Restart the wall.`;
      }
      failed = { digest, status: status({ outcome, sequence, message }) };
      return failed.status;
    }
    const changes = prepared.changes.lines;
    const summary = `bundle ${sequence} applied: ${summariseChanges(prepared.changes)}`;
    try {
      await writeState(
        options.statePath,
        {
          version: 1,
          lastAppliedSequence: sequence,
          lastAppliedDigest: digest,
          appliedAt: now().toISOString(),
          // Kept so IT can go back, but never with secrets in clear on disk.
          previousConfig: encryptConfigSecrets(current, options.fleetKey),
        },
        options.stateFs,
      );
    } catch (error) {
      return status({
        outcome: 'applied',
        sequence,
        changes,
        message: `${summary}; but its sequence could not be recorded (${(error as Error).message}), so it may be applied again after a restart`,
      });
    }
    return status({ outcome: 'applied', sequence, changes, message: summary });
  }

  function pollOnce(): Promise<ProvisioningStatus> {
    // One poll at a time: a slow server must not let two applies race.
    inFlight ??= poll()
      .catch((error: unknown) =>
        status({
          outcome: 'source-error',
          message: `provisioning failed: ${(error as Error).message}`,
        }),
      )
      .then((s) => {
        options.onStatus?.(s);
        return s;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  function schedule(): void {
    if (stopped) return;
    timer = timers.set(() => void pollOnce().finally(schedule), options.intervalMs ?? 5 * 60_000);
  }

  return {
    pollOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      void pollOnce().finally(schedule);
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
