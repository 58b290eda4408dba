// The wall's settings as two parts: IT's configuration file (or the demo), read-only here, and
// what staff add on this PC through the screens (kept in the settings store, key
// `localSettings`, which validates every write and keeps a last good copy: open-store-safely.ts).
// Every change builds the whole configuration anew and passes it through the one schema before
// anything is kept; secrets go to the vault only then.
import type { FieldError, SettingsView, VaultProtection } from '../contract/settings-view';
import { LAYOUT_PRESETS, presetCellCount } from '../contract/layout-presets';
import type { LayoutPresetId, LayoutSelection, Locale } from '../contract/wall-contract';
import { PROTECTED_PREFIX, isProtected, type SecretCodec } from './protected-secrets';
import { relativeTo } from './schema-issues';
import { CURRENT_SCHEMA_VERSION } from './settings-migrations';
import type { CameraConfig, SiteSettings, WallSettings, WallSettingsFile } from './settings-model';
import { cameraView, centreView } from './settings-views';
import type { LocalSettingsSlot } from './settings-store';
import { parseSettings } from './validate-settings';
import { VAULT_PREFIX, isVaultRef, type SecretVault } from './vault/secret-vault';
import { countSecretsOutsideVault, mapSettingsSecrets } from './vault/vault-secrets';

/** What staff added on this PC. Without a configuration file it is the whole wall. */
export interface LocalSettings {
  schemaVersion: number;
  sites: SiteSettings[];
  cameras: CameraConfig[];
  /** Without a configuration file: the wall's language and layout (an import brings them). */
  locale?: Locale;
  layout?: LayoutSelection;
}

export interface SettingsBase {
  /** IT's file in its own form (secrets as written: plain, safe: or vault:). */
  doc: WallSettingsFile;
  /** The file it came from; null for the embedded demo. */
  file: string | null;
}

export interface SettingsBookOptions {
  base: SettingsBase | null;
  /** The demo, shown while there is neither a file nor anything local. */
  demo: WallSettingsFile;
  /** Where staff's settings are kept (the store's slot); null keeps them in memory only. */
  local: LocalSettingsSlot | null;
  vault: SecretVault | null;
  protection: VaultProtection;
  pcCodec: SecretCodec | null;
}

export type BookChange =
  { ok: true; settings: WallSettings; changed: string[] } | { ok: false; errors: FieldError[] };

const EMPTY_LOCAL: LocalSettings = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  sites: [],
  cameras: [],
};

export class SettingsBook {
  private local: LocalSettings;
  /** Said on the status line: staff's settings do not fit the configuration file. */
  readonly warnings: string[] = [];
  private running: WallSettings;
  /**
   * IT's part as the file on disk holds it: a bundle replaces the base the wall runs on, not the
   * file, so what the file still shows in plain text is counted from this.
   */
  private fileDoc: WallSettingsFile | null;

  constructor(private readonly options: SettingsBookOptions) {
    this.fileDoc = options.base?.doc ?? null;
    // The store checked the shape when it opened (its schema); the whole is checked below.
    this.local = readLocal(options.local?.read());
    const first = this.build(this.local);
    // A local part the file no longer accepts (an id the file now uses) is set aside, not lost.
    this.running = first.ok ? first.settings : this.build(EMPTY_LOCAL, true).settings!;
    if (!first.ok) {
      this.warnings.push(
        `the settings made on this PC do not fit the configuration file and are not shown: ${first.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')}`,
      );
    }
  }

  get settings(): WallSettings {
    return this.running;
  }

  get source(): 'file' | 'demo' | 'store' {
    if (this.options.base) return 'file';
    return this.usesDemo(this.local) ? 'demo' : 'store';
  }

  private usesDemo(local: LocalSettings): boolean {
    return !this.options.base && local.sites.length === 0;
  }

  /** The configuration in its file form: the base's part, then this PC's. */
  document(local: LocalSettings = this.local): WallSettingsFile {
    const base = this.options.base?.doc ?? (this.usesDemo(local) ? this.options.demo : null);
    const cameras = [...(base?.cameras ?? []), ...local.cameras];
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      locale: base?.locale ?? local.locale ?? 'vi',
      sites: [...(base?.sites ?? []), ...local.sites],
      cameras,
      layout: base?.layout ?? local.layout ?? autoLayout(cameras.map((c) => c.id)),
      // Office hours are IT's: they come from the file only.
      ...(base?.schedule ? { schedule: base.schedule } : {}),
      // So are the snapshot folder and the replay length.
      ...(base?.snapshotFolder !== undefined ? { snapshotFolder: base.snapshotFolder } : {}),
      ...(base?.replaySeconds !== undefined ? { replaySeconds: base.replaySeconds } : {}),
      // And the heartbeat to IT's own server.
      ...(base?.heartbeat ? { heartbeat: base.heartbeat } : {}),
      // And where signed bundles come from (its fleet key is a secret: see vault-secrets.ts).
      ...(base?.provisioning ? { provisioning: base.provisioning } : {}),
    };
  }

  baseCount(): { sites: number; cameras: number } {
    const base = this.options.base?.doc ?? (this.usesDemo(this.local) ? this.options.demo : null);
    return { sites: base?.sites.length ?? 0, cameras: base?.cameras.length ?? 0 };
  }

  isFromBase(kind: 'sites' | 'cameras', id: string): boolean {
    const base = this.options.base?.doc ?? (this.usesDemo(this.local) ? this.options.demo : null);
    return (base?.[kind] as { id: string }[] | undefined)?.some((x) => x.id === id) ?? false;
  }

  /**
   * IT's part replaced: by the file changed on disk (its secrets moved to the vault, or fixed by
   * IT), or by a signed bundle's parts merged over it, which leave the file as it is.
   */
  replaceBase(doc: WallSettingsFile, from: 'file' | 'bundle' = 'file'): BookChange {
    const base = this.options.base;
    if (!base) throw new Error('there is no configuration file');
    // The disk holds the new file even if the wall refuses to run on it.
    if (from === 'file') this.fileDoc = doc;
    const previous = base.doc;
    base.doc = doc;
    const change = this.commit(this.local);
    if (!change.ok) base.doc = previous;
    return change;
  }

  /** IT's part in its own form (secrets as written), or null without a configuration file. */
  get baseDoc(): WallSettingsFile | null {
    return this.options.base?.doc ?? null;
  }

  get localPart(): LocalSettings {
    return this.local;
  }

  view(): SettingsView {
    const doc = this.document();
    const count = this.baseCount();
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      configFile: this.options.base?.file ?? null,
      centres: doc.sites.map((s, i) => centreView(s, i, i < count.sites ? 'file' : 'local')),
      cameras: doc.cameras.map((c, i) => cameraView(c, i < count.cameras ? 'file' : 'local')),
      vault: {
        protection: this.options.protection,
        plainTextSecretsInFile: this.fileDoc ? countSecretsOutsideVault(this.fileDoc) : 0,
      },
    };
  }

  /**
   * Validates `local` as part of the whole configuration; `prefix` (e.g. ['cameras', 3]) makes
   * the errors relative to what was changed. On success the secrets in it move to the vault,
   * the local file is written, and the running settings replaced.
   */
  commit(local: LocalSettings, prefix: (string | number)[] = []): BookChange {
    const built = this.build(local);
    if (!built.ok) {
      const own = prefix.length > 0 ? relativeTo(built.problems, prefix) : built.problems;
      return { ok: false, errors: own.length > 0 ? own : built.problems };
    }
    const kept = this.options.vault ? this.intoVault(local) : local;
    try {
      this.options.local?.write(kept);
    } catch (error) {
      // The store's schema refused it, or the disk did: nothing changed, and the form says so.
      return { ok: false, errors: [notKept((error as Error).message)] };
    }
    this.local = kept;
    const before = this.running;
    this.running = this.build(kept).settings!;
    return { ok: true, settings: this.running, changed: changedCameras(before, this.running) };
  }

  /** The errors `local` would get as part of the whole configuration; nothing is kept. */
  check(local: LocalSettings, prefix: (string | number)[] = []): FieldError[] {
    try {
      const built = this.build(local);
      return built.ok ? [] : relativeTo(built.problems, prefix);
    } catch {
      return []; // A draft too rough to build says nothing more than its own errors.
    }
  }

  private intoVault(local: LocalSettings): LocalSettings {
    const vault = this.options.vault!;
    const doc = { ...this.document(local), cameras: local.cameras };
    const moved = mapSettingsSecrets(doc, (value, ref) =>
      value === '' || isVaultRef(value) || isProtected(value) ? value : vault.put(ref, value),
    );
    return { ...local, cameras: moved.cameras };
  }

  /** The whole configuration parsed, with every secret revealed (main process only). */
  private build(
    local: LocalSettings,
    lenient = false,
  ):
    { ok: true; settings: WallSettings } | { ok: false; problems: FieldError[]; settings?: never } {
    const revealed = mapSettingsSecrets(this.document(local), (value) => this.revealSecret(value));
    const parsed = parseSettings(revealed);
    if (parsed.ok) return { ok: true, settings: parsed.settings };
    if (lenient) throw new Error(`the configuration cannot be used: ${parsed.errors.join('; ')}`);
    return { ok: false, problems: parsed.problems };
  }

  /** A secret as the wall connects with it; one the vault lacks connects with none (and says). */
  revealSecret(value: string): string {
    if (isVaultRef(value)) return this.options.vault?.reveal(value) ?? '';
    if (isProtected(value) && this.options.pcCodec?.available) {
      try {
        return this.options.pcCodec.decrypt(value.slice(PROTECTED_PREFIX.length));
      } catch {
        return '';
      }
    }
    return value;
  }

  /** Secrets referenced but not in this PC's vault (an import without them, another PC's). */
  missingSecrets(): string[] {
    const missing: string[] = [];
    mapSettingsSecrets(this.document(), (value) => {
      if (isVaultRef(value) && !this.options.vault?.has(value)) missing.push(value);
      return value;
    });
    return missing;
  }
}

export { VAULT_PREFIX };

function readLocal(raw: unknown): LocalSettings {
  const doc = raw as Partial<LocalSettings> | undefined;
  if (typeof doc !== 'object' || doc === null) return EMPTY_LOCAL;
  if (!Array.isArray(doc.sites) || !Array.isArray(doc.cameras)) return EMPTY_LOCAL;
  return { ...doc, schemaVersion: Number(doc.schemaVersion) || 1 } as LocalSettings;
}

function notKept(problem: string): FieldError {
  return {
    path: [],
    field: '',
    code: 'not-stored',
    message: {
      en: `the settings could not be stored on this PC (${problem}); nothing was changed`,
      vi: 'Không lưu được thiết lập trên máy này; chưa có gì thay đổi. Hãy thử lại hoặc báo bộ phận IT.',
    },
  };
}

/** The smallest preset that shows every camera (the largest when there are more). */
export function autoLayout(ids: string[]): { preset: LayoutPresetId; cameraIds: string[] } {
  const presets = Object.keys(LAYOUT_PRESETS) as LayoutPresetId[];
  const preset =
    presets.find((p) => presetCellCount(p) >= ids.length) ?? presets[presets.length - 1]!;
  return { preset, cameraIds: ids.slice(0, presetCellCount(preset)) };
}

/** Cameras whose settings differ (secrets included) or that are gone. */
export function changedCameras(before: WallSettings, after: WallSettings): string[] {
  const next = new Map(after.cameras.map((c) => [c.id, JSON.stringify(c)]));
  return before.cameras.filter((c) => next.get(c.id) !== JSON.stringify(c)).map((c) => c.id);
}
