// The settings verbs behind the staff screens, over the settings book: every payload checked
// by the one schema, each change applied to the running wall at once (the service reconnects
// only the cameras that changed), and the status line's notices kept here.
import type {
  CameraTestOutcome,
  MovedSecrets,
  SettingsChange,
  SettingsExport,
  SettingsNotice,
  SettingsStatus,
  SettingsView,
} from '../contract/settings-view';
import type { Result } from '../contract/wall-contract';
import { cameraTestSchema } from '../settings/draft-schema';
import { endpointFromDraft } from '../settings/draft-to-config';
import { issuesToFieldErrors } from '../settings/schema-issues';
import type { BookChange, SettingsBook } from '../settings/settings-book';
import { deleteCamera, deleteCentre, saveCamera, saveCentre } from '../settings/settings-edits';
import type { WallSettings } from '../settings/settings-model';
import { endpointSchema } from '../settings/settings-schema';
import { moveFileSecretsToVault, VaultMoveError } from '../settings/move-file-secrets';
import { exportSettings, importSettings } from '../settings/settings-transfer';
import type { SecretCodec } from '../settings/protected-secrets';
import type { SecretVault } from '../settings/vault/secret-vault';
import { mapSettingsSecrets } from '../settings/vault/vault-secrets';
import { probeEndpoint } from '../streams/camera-probe';
import type { LoginGate } from '../streams/core/login-gate';
import { settingsNotices } from './settings-notices';

export interface SettingsControlOptions {
  book: SettingsBook;
  vault: SecretVault | null;
  pcCodec: SecretCodec | null;
  /** IT's configuration file, when there is one. */
  configFile: string | null;
  /** What start-wall found: the file refused (running on the last good one), a damaged store. */
  startNotices: SettingsNotice[];
  blocking: SettingsStatus['blocking'];
  /**
   * What goes back over IT's file whenever the wall reads it anew (the last signed bundle's
   * parts, set by start-wall when the PC is provisioned): the file alone would undo the bundle.
   */
  overFile?: (change: BookChange & { ok: true }) => BookChange & { ok: true };
}

export interface SettingsHost {
  assetsDir: string;
  /** The wall's login gate: Test spends and respects the same back-off as the streams. */
  loginGate: LoginGate | null;
  log: (line: string) => void;
  /** Puts new settings on the wall; reconnects the cameras named. */
  apply(settings: WallSettings, changed: string[]): void;
  pushStatus(status: SettingsStatus): void;
}

export class SettingsService {
  private startNotices: SettingsNotice[];
  private blocking: SettingsStatus['blocking'];
  /** Notices of the running wall rather than of its settings (the heartbeat failing, the provisioning poller's last outcome). */
  private readonly runtimeNotices = new Map<SettingsNotice['id'], SettingsNotice>();

  constructor(
    private readonly control: SettingsControlOptions,
    private readonly host: SettingsHost,
  ) {
    this.startNotices = control.startNotices;
    this.blocking = control.blocking;
  }

  get book(): SettingsBook {
    return this.control.book;
  }

  status(): SettingsStatus {
    return {
      notices: settingsNotices({
        start: this.startNotices,
        book: this.control.book,
        protection: this.control.book.view().vault,
      }).concat([...this.runtimeNotices.values()]),
      blocking: this.blocking,
    };
  }

  /** Puts a notice of the running wall on the status line (null takes it off) and says so. */
  setNotice(id: SettingsNotice['id'], notice: SettingsNotice | null): void {
    if (notice) this.runtimeNotices.set(id, notice);
    else if (!this.runtimeNotices.delete(id)) return;
    this.host.pushStatus(this.status());
  }

  view(): SettingsView {
    return this.control.book.view();
  }

  /** The configuration file became valid (the wall was blocked, or running on the last good). */
  fileRecovered(change: BookChange): void {
    this.blocking = null;
    this.startNotices = this.startNotices.filter((n) => n.id !== 'config-file-invalid');
    this.changed(change);
  }

  /** IT's part replaced as a whole (a signed bundle); applied at once when the book takes it. */
  replaceBase(doc: Parameters<SettingsBook['replaceBase']>[0]): BookChange {
    const change = this.control.book.replaceBase(doc, 'bundle');
    this.changed(change);
    return change;
  }

  private changed(change: BookChange): Result<SettingsChange> {
    if (!change.ok) return { ok: true, value: { saved: false, errors: change.errors } };
    this.host.apply(change.settings, change.changed);
    this.host.pushStatus(this.status());
    return {
      ok: true,
      value: { saved: true, settings: this.view(), reconnected: change.changed },
    };
  }

  saveCentre = (payload: unknown) => this.changed(saveCentre(this.control.book, payload));
  deleteCentre = (payload: unknown) => this.changed(deleteCentre(this.control.book, payload));
  saveCamera = (payload: unknown) => this.changed(saveCamera(this.control.book, payload));
  deleteCamera = (payload: unknown) => this.changed(deleteCamera(this.control.book, payload));
  importSettings = (payload: unknown) => this.changed(importSettings(this.control.book, payload));

  exportSettings(payload: unknown): Result<SettingsExport> {
    const book = this.control.book;
    const exported = exportSettings(book, (value) => book.revealSecret(value), payload);
    if (exported.ok) this.host.log('settings: exported by staff');
    return exported.ok
      ? exported
      : { ok: false, error: exported.errors.map((e) => `${e.field}: ${e.message.en}`).join('; ') };
  }

  async testCamera(payload: unknown): Promise<Result<CameraTestOutcome>> {
    const parsed = cameraTestSchema.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: true,
        value: { ok: false, state: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) },
      };
    }
    const { endpoint: draft, cameraId, quality } = parsed.data;
    const stored = cameraId
      ? this.control.book.document().cameras.find((c) => c.id === cameraId)?.streams[quality]
      : undefined;
    const errors: ReturnType<typeof issuesToFieldErrors> = [];
    const config = endpointFromDraft(draft, stored, quality, errors);
    if (errors.length > 0) {
      // Paths relative to the request: ['endpoint', 'auth', 'password'], not the camera's.
      const own = errors.map((e) => {
        const path = ['endpoint', ...e.path.slice(2)];
        return { ...e, path, field: path.join('.') };
      });
      return { ok: true, value: { ok: false, state: 'invalid', errors: own } };
    }
    // The stored secret (a vault reference) is revealed here, in main, for this one try.
    const revealed = mapSettingsSecrets(
      {
        schemaVersion: 2,
        locale: 'vi',
        sites: [],
        layout: { preset: '1x1', cameraIds: [] },
        cameras: [{ id: 'test', siteId: 'test', name: 'test', streams: { sub: config } }],
      },
      (value) => this.control.book.revealSecret(value),
    ).cameras[0]!.streams.sub;
    const endpoint = endpointSchema.safeParse(revealed);
    if (!endpoint.success) {
      const fieldErrors = issuesToFieldErrors(endpoint.error.issues).map((e) => ({
        ...e,
        path: ['endpoint', ...e.path],
        field: `endpoint.${e.field}`,
      }));
      return { ok: true, value: { ok: false, state: 'invalid', errors: fieldErrors } };
    }
    const label = cameraId ? `${cameraId} (test)` : 'camera test';
    this.host.log(`settings: staff test ${label} ${quality}`);
    const outcome = await probeEndpoint(endpoint.data, {
      label,
      assetsDir: this.host.assetsDir,
      log: this.host.log,
      loginGate: this.host.loginGate,
    });
    return { ok: true, value: outcome };
  }

  moveSecretsToVault(): Result<MovedSecrets> {
    const { configFile, vault, pcCodec } = this.control;
    if (!configFile) return { ok: false, error: 'There is no configuration file on this PC.' };
    if (!vault) return { ok: false, error: 'This PC has no vault: it offers no encryption.' };
    let moved: ReturnType<typeof moveFileSecretsToVault>;
    try {
      moved = moveFileSecretsToVault(configFile, vault, pcCodec);
    } catch (error) {
      // Only what went wrong, never the file's text: the file is as it was.
      const why = error instanceof VaultMoveError ? error.message : `${error as Error}`;
      this.host.log(`settings: moving the secrets of ${configFile} into the vault failed: ${why}`);
      return { ok: false, error: why };
    }
    const read = this.control.book.replaceBase(moved.doc);
    this.changed(read.ok && this.control.overFile ? this.control.overFile(read) : read);
    this.host.log(
      `settings: ${moved.moved} secret(s) moved from ${configFile} into the vault; no copy in clear is kept`,
    );
    return { ok: true, value: { moved: moved.moved, settings: this.view() } };
  }
}

const NO_SETTINGS = {
  ok: false,
  error: 'This wall keeps no settings of its own (started without a data folder).',
} as const;

type Guard = <T>(run: () => Result<T> | Promise<Result<T>>) => Result<T> | Promise<Result<T>>;

/** The settings channels' handlers; all but the status are staff verbs (`asStaff`). */
export function settingsHandlers(current: () => SettingsService | null, asStaff: Guard) {
  const staff =
    <T>(run: (s: SettingsService, payload: unknown) => Result<T> | Promise<Result<T>>) =>
    (payload: unknown) => {
      const settings = current();
      return settings ? asStaff(() => run(settings, payload)) : NO_SETTINGS;
    };
  return {
    'settings:get-status': () => ({
      ok: true as const,
      value: current()?.status() ?? { notices: [], blocking: null },
    }),
    'settings:get': staff((s) => ({ ok: true, value: s.view() })),
    'settings:save-centre': staff((s, p) => s.saveCentre(p)),
    'settings:delete-centre': staff((s, p) => s.deleteCentre(p)),
    'settings:save-camera': staff((s, p) => s.saveCamera(p)),
    'settings:delete-camera': staff((s, p) => s.deleteCamera(p)),
    'settings:test-camera': staff((s, p) => s.testCamera(p)),
    'settings:export': staff((s, p) => s.exportSettings(p)),
    'settings:import': staff((s, p) => s.importSettings(p)),
    'settings:move-secrets-to-vault': staff((s) => s.moveSecretsToVault()),
  };
}
