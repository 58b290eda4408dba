// Wires IT's signed configuration bundles (electron/provisioning/) into the running wall. A
// verified bundle replaces only the parts it manages in IT's part of the settings book, which
// applies it at once (only changed cameras reconnect; staff's own centres and cameras stay). Its
// managed parts are kept in the data folder, secrets still encrypted for the fleet, so the wall
// starts on them after a restart. Nothing here ever logs a secret or an URL's path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import type { SettingsNotice } from '../contract/settings-view';
import { writeFileAtomic } from '../provisioning/atomic-state';
import {
  MANAGEABLE_PARTS,
  type BundlePayload,
  type SettingsLike,
} from '../provisioning/bundle-format';
import { decryptConfigSecrets } from '../provisioning/fleet-secrets';
import { createHttpsFetcher } from '../provisioning/https-source';
import { mergeBundle } from '../provisioning/merge-bundle';
import {
  createProvisioningPoller,
  type PollerOptions,
  type ProvisioningPoller,
} from '../provisioning/provisioning-poller';
import { pinKeys } from '../provisioning/signing-keys';
import { readCa } from '../settings/endpoint-options';
import type { SecretCodec } from '../settings/protected-secrets';
import {
  DEFAULT_POLL_MINUTES,
  classifySource,
  describeSource,
  fleetKeyBytes,
  readPublicKey,
} from '../settings/provisioning-field';
import type { SettingsBook } from '../settings/settings-book';
import type { WallSettingsFile } from '../settings/settings-model';
import type { SecretVault } from '../settings/vault/secret-vault';
import { mapSettingsSecrets, moveSecretsIntoVault } from '../settings/vault/vault-secrets';
import { provisioningNotice } from './provisioning-notice';
import type { SettingsService } from './settings-service';

export const STATE_FILE = 'provisioning-state.json';
export const APPLIED_FILE = 'provisioning-applied.json';

export interface ProvisioningPlace {
  book: SettingsBook;
  vault: SecretVault | null;
  pcCodec: SecretCodec | null;
  /** The wall's data folder (replay protection needs it); null: not provisioned. */
  dataDir: string | null;
  log: (line: string) => void;
}

/** Tests only: a faster poll than the configured minutes, another clock. */
export type ProvisioningTuning = Partial<Pick<PollerOptions, 'intervalMs' | 'now' | 'timers'>>;

/** IT's part of the book, camera secrets revealed, without the provisioning field itself. */
function currentParts(book: SettingsBook): SettingsLike {
  const base = book.baseDoc;
  if (!base) throw new Error('this wall has no configuration file to provision');
  const revealed = mapSettingsSecrets(base, (value) => book.revealSecret(value));
  const { provisioning: _kept, ...parts } = revealed;
  return parts as SettingsLike;
}

/** The book's new IT part: the merged parts, IT's provisioning field, secrets into the vault. */
function baseDocOf(next: SettingsLike, place: ProvisioningPlace): WallSettingsFile {
  const provisioning = place.book.baseDoc?.provisioning;
  const doc = { ...next, ...(provisioning ? { provisioning } : {}) } as WallSettingsFile;
  return place.vault ? moveSecretsIntoVault(doc, place.vault, place.pcCodec).settings : doc;
}

interface AppliedParts {
  version: 1;
  sequence: number;
  manages: BundlePayload['manages'];
  /** As signed: secrets encrypted for the fleet. */
  config: BundlePayload['config'];
}

function readApplied(file: string): AppliedParts | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const json = JSON.parse(text) as AppliedParts;
  const parts = MANAGEABLE_PARTS as readonly string[];
  if (
    json.version !== 1 ||
    !Number.isSafeInteger(json.sequence) ||
    !Array.isArray(json.manages) ||
    !json.manages.every((m) => parts.includes(m))
  ) {
    throw new Error('it is not a file this wall wrote');
  }
  return json;
}

function restoreNotice(en: string, vi: string): SettingsNotice {
  return { id: 'provisioning', severity: 'warning', message: { en, vi } };
}

/**
 * Before the wall starts: the parts of the last bundle applied on this PC go back over IT's
 * file, so a restart does not undo them. Answers a notice when they cannot.
 */
export function restoreProvisioned(place: ProvisioningPlace): SettingsNotice | null {
  const { book, dataDir, log } = place;
  const config = book.settings.provisioning;
  if (!config || !dataDir || !book.baseDoc) return null;
  const file = join(dataDir, APPLIED_FILE);
  const refuse = (why: string) => {
    log(
      `provisioning: the bundle applied earlier cannot be used (${why}); the wall runs on the configuration file`,
    );
    return restoreNotice(
      `The configuration bundle applied earlier on this PC cannot be used (${why}); the wall runs on its configuration file until IT sends a new bundle.`,
      'Gói cấu hình đã áp dụng trước đây không dùng được nữa; tường chạy theo tệp cấu hình cho tới khi bộ phận CNTT gửi gói mới.',
    );
  };
  let applied: AppliedParts | null;
  try {
    applied = readApplied(file);
  } catch (error) {
    return refuse(`${file}: ${(error as Error).message}`);
  }
  if (!applied) return null;
  const fleetKey = fleetKeyBytes(config.fleetKey);
  if (!fleetKey) return refuse('the fleet key is not on this PC');
  const opened = decryptConfigSecrets(applied.config, fleetKey);
  if (!opened.ok) return refuse("this PC's fleet key cannot open its secrets");
  const next = mergeBundle(currentParts(book), { manages: applied.manages, config: opened.value });
  const change = book.replaceBase(baseDocOf(next, place));
  if (!change.ok) {
    return refuse(
      change.errors
        .slice(0, 3)
        .map((e) => `${e.field}: ${e.message.en}`)
        .join('; '),
    );
  }
  log(`provisioning: the wall starts on bundle ${applied.sequence}, applied earlier`);
  return null;
}

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
  let publicKeys;
  try {
    publicKeys = pinKeys(config.publicKeys.map(readPublicKey));
  } catch (error) {
    return fail(
      `a pinned public key cannot be read (${(error as Error).message}).`,
      'Không đọc được khoá công khai của bộ phận CNTT; báo bộ phận CNTT.',
    );
  }
  const source = classifySource(config.source)!;
  const where = describeSource(source);
  // The URL's path and query may carry a token: only its host reaches a log or the screen.
  const hide = (text: string) =>
    source.kind === 'https' ? hideUrlPath(text, new URL(source.url)) : text;
  const appliedFile = join(dataDir, APPLIED_FILE);
  let closing = false;
  let lastLine = '';
  const minutes = config.pollMinutes ?? DEFAULT_POLL_MINUTES;
  const poller = createProvisioningPoller({
    source:
      source.kind === 'https'
        ? { kind: 'https', url: source.url, fetch: createHttpsFetcher(trust(config.ca)) }
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
      if (!bundle) return;
      const kept: AppliedParts = {
        version: 1,
        sequence: bundle.sequence,
        manages: bundle.manages,
        config: bundle.config,
      };
      await writeFileAtomic(appliedFile, `${JSON.stringify(kept, null, 2)}\n`);
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
