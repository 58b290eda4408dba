// Wires IT's signed configuration bundles (electron/provisioning/) into the running wall: the
// poller, started from the configuration's "provisioning" field. A verified bundle replaces only
// the parts it manages in IT's part of the settings book, which applies it at once (only changed
// cameras reconnect; staff's own centres and cameras stay); provisioning-kept.ts keeps it for the
// next start. Nothing here ever logs a secret or an URL's path.
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import type { SettingsNotice } from '../contract/settings-view';
import { readState } from '../provisioning/atomic-state';
import { createHttpsFetcher } from '../provisioning/https-source';
import {
  createProvisioningPoller,
  type PollerOptions,
  type ProvisioningPoller,
} from '../provisioning/provisioning-poller';
import { pinKeys } from '../provisioning/signing-keys';
import { readCa } from '../settings/endpoint-options';
import {
  DEFAULT_POLL_MINUTES,
  classifySource,
  describeSource,
  fleetKeyBytes,
  readPublicKey,
} from '../settings/provisioning-field';
import {
  baseDocOf,
  currentParts,
  keepApplied,
  restoreNotice,
  type ProvisioningPlace,
} from './provisioning-kept';
import { provisioningNotice } from './provisioning-notice';
import type { SettingsService } from './settings-service';

export { APPLIED_FILE, restoreProvisioned, withKeptBundle } from './provisioning-kept';
export type { ProvisioningPlace } from './provisioning-kept';

export const STATE_FILE = 'provisioning-state.json';

/** Tests only: a faster poll than the configured minutes, another clock. */
export type ProvisioningTuning = Partial<Pick<PollerOptions, 'intervalMs' | 'now' | 'timers'>>;

/** The poller on the running wall; null when this PC is not provisioned (or cannot be). */
export function startProvisioning(
  place: ProvisioningPlace,
  settings: SettingsService,
  restored: SettingsNotice | null,
  tuning: ProvisioningTuning = {},
): ProvisioningPoller | null {
  const { book, dataDir, log } = place;
  const config = book.settings.provisioning;
  if (restored) settings.setNotice('provisioning', restored);
  if (!config) return null;
  const fail = (en: string, vi: string) => {
    log(`provisioning: not started: ${en}`);
    settings.setNotice('provisioning', { ...restoreNotice(en, vi), severity: 'error' });
    return null;
  };
  if (!dataDir || !book.baseDoc) {
    return fail(
      'this wall keeps no data folder, so it cannot remember which bundle it applied last.',
      'Máy này không có thư mục dữ liệu nên không nhận gói cấu hình.',
    );
  }
  const fleetKey = fleetKeyBytes(config.fleetKey);
  if (!fleetKey) {
    return fail(
      'the fleet key is not on this PC (the vault lacks it). Put fleet.key in the configuration file again.',
      'Thiếu khoá nhóm máy trên máy này; báo bộ phận CNTT ghi lại khoá vào tệp cấu hình.',
    );
  }
  const source = classifySource(config.source)!;
  // Read again here: a key or CA file may have gone since the configuration was checked.
  let publicKeys;
  let fetch;
  try {
    publicKeys = pinKeys(config.publicKeys.map(readPublicKey));
    fetch = source.kind === 'https' ? createHttpsFetcher(trust(config.ca)) : undefined;
  } catch (error) {
    return fail(
      `a pinned public key or the CA cannot be read (${(error as Error).message}).`,
      'Không đọc được khoá công khai hoặc chứng chỉ của bộ phận CNTT; báo bộ phận CNTT.',
    );
  }
  const where = describeSource(source);
  // The URL's path and query may carry a token: only its host reaches a log or the screen.
  const hide = (text: string) =>
    source.kind === 'https' ? hideUrlPath(text, new URL(source.url)) : text;
  let closing = false;
  let lastLine = '';
  const minutes = config.pollMinutes ?? DEFAULT_POLL_MINUTES;
  const poller = createProvisioningPoller({
    source:
      source.kind === 'https'
        ? { kind: 'https', url: source.url, ...(fetch ? { fetch } : {}) }
        : { kind: 'folder', path: source.path },
    publicKeys,
    fleetKey,
    ...(config.fleet !== undefined ? { expectedFleet: config.fleet } : {}),
    statePath: join(dataDir, STATE_FILE),
    intervalMs: minutes * 60_000,
    ...tuning,
    getCurrent: () => currentParts(book),
    async apply(next, bundle) {
      if (closing) throw new Error('the wall is closing');
      const change = settings.replaceBase(baseDocOf(next, place));
      if (!change.ok) {
        throw new Error(
          change.errors
            .slice(0, 3)
            .map((e) => `${e.field}: ${e.message.en}`)
            .join('; '),
        );
      }
      if (bundle) await keepApplied(dataDir, bundle);
    },
    onStatus(status) {
      const message = hide(status.message);
      const line = `provisioning: ${status.outcome}${status.refusal ? ` (${status.refusal})` : ''}: ${message}`;
      if (line !== lastLine) log(line);
      lastLine = line;
      const notice = provisioningNotice({ ...status, message });
      if (notice && !closing) settings.setNotice('provisioning', notice);
    },
  });
  log(`provisioning: reading signed bundles from ${where} every ${minutes} min`);
  poller.start();
  return {
    ...poller,
    stop() {
      closing = true;
      poller.stop();
    },
  };
}

/** The district's own CA beside the system's (Node's `ca` would replace them). */
function trust(ca: string | undefined): { ca?: string } {
  if (ca === undefined) return {};
  const pem = readCa(ca, 'ca', (_at, message) => {
    throw new Error(`provisioning.ca ${message}`);
  });
  return { ca: [...rootCertificates, pem ?? ''].join('\n') };
}

export function hideUrlPath(text: string, url: URL): string {
  let out = text.split(url.href).join(`https://${url.host}/…`);
  for (const part of [url.search, url.pathname]) {
    if (part.length > 1) out = out.split(part).join('/…');
  }
  return out;
}

/**
 * The sequence of the last bundle this PC applied, for the heartbeat (which reads it without
 * waiting): read from the poller's state file now and again on every `refresh()`.
 */
export function appliedSequenceReader(dataDir: string | null): {
  read: () => number | null;
  refresh: () => void;
} {
  let sequence: number | null = null;
  const refresh = () => {
    if (!dataDir) return;
    readState(join(dataDir, STATE_FILE)).then(
      (state) => void (sequence = state.lastAppliedSequence),
      () => undefined, // an unreadable state file is the poller's to report, not the heartbeat's
    );
  };
  refresh();
  return { read: () => sequence, refresh };
}
