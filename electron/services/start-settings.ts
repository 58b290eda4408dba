// The settings a wall starts on, so that a kiosk never goes dark for a bad file: IT's
// configuration file when it is valid (remembered as the last configuration that worked),
// else that last good configuration with the file's problems on the status line, and only
// when there is none, the problems full screen until the file is fixed (it is watched).
// Secrets live in the vault: Electron's safeStorage, or in the preview host a 0600 key file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldError, SettingsNotice } from '../contract/settings-view';
import { readJsonSafely, writeJsonAtomically } from '../settings/atomic-json-file';
import { demoSettingsFile } from '../settings/demo-config';
import { ConfigFileError, loadConfigFile } from '../settings/load-config-file';
import type { SecretCodec } from '../settings/protected-secrets';
import { LEGACY_LOCAL_FILE, migrateLocalFile } from '../settings/migrate-local-file';
import type { StoreDamage } from '../settings/open-store-safely';
import { SettingsBook } from '../settings/settings-book';
import { localSettingsSlot, type KeyValueStore } from '../settings/settings-store';
import { settingsFile, type WallSettingsFile } from '../settings/settings-model';
import { parseSettings } from '../settings/validate-settings';
import { keyFileCodec } from '../settings/vault/key-file-codec';
import { protectionOf, SecretVault } from '../settings/vault/secret-vault';
import { moveSecretsIntoVault } from '../settings/vault/vault-secrets';
import { localMigrationNotice, storeDamageNotice } from './settings-notices';
import type { SettingsControlOptions } from './settings-service';

/** What a wall shows behind the full-screen problems: one centre, no camera. */
const NOTHING: WallSettingsFile = {
  schemaVersion: 2,
  locale: 'vi',
  sites: [{ id: 'none', name: '—' }],
  cameras: [],
  layout: { preset: '1x1', cameraIds: [] },
};

export interface StartSettings {
  control: SettingsControlOptions;
  /** Watches the configuration file; `recovered` gets its new form once it is valid again. */
  watch(recovered: (doc: WallSettingsFile) => void): () => void;
}

export function startSettings(options: {
  configFile: string | null;
  dataDir: string | null;
  pcCodec: SecretCodec | null;
  log: (line: string) => void;
  /** The settings store (staff's settings live in it); null keeps them in memory only. */
  store?: KeyValueStore | null;
  /** The store was damaged when it opened (open-store-safely.ts): said on the status line. */
  storeDamage?: StoreDamage | null;
}): StartSettings {
  const { configFile, dataDir, pcCodec, log } = options;
  const keyFile = !pcCodec?.available && dataDir !== null;
  const codec = keyFile ? keyFileCodec(join(dataDir!, 'vault.key')) : pcCodec;
  const protection = protectionOf(codec, keyFile);
  const vault =
    codec?.available && dataDir
      ? new SecretVault(join(dataDir, 'vault.json'), codec, protection)
      : null;
  if (vault?.warning) log(`settings: ${vault.warning}`);
  if (protection === 'key-file') {
    log('settings: secrets are encrypted with a key in a file only this user can read (vault.key)');
  }
  const lastGoodFile = dataDir ? join(dataDir, 'last-good-config.json') : null;
  const startNotices: SettingsNotice[] = [];
  if (options.storeDamage) startNotices.push(storeDamageNotice(options.storeDamage));
  const local = options.store ? localSettingsSlot(options.store) : null;
  if (local && dataDir) {
    const migration = migrateLocalFile(join(dataDir, LEGACY_LOCAL_FILE), local);
    if (migration.moved) log(`settings: ${LEGACY_LOCAL_FILE} was moved into the settings store`);
    const notice = localMigrationNotice(join(dataDir, LEGACY_LOCAL_FILE), migration);
    if (notice) {
      log(`settings: ${notice.message.en}`);
      startNotices.push(notice);
    }
  }
  let blocking: SettingsControlOptions['blocking'] = null;
  let baseDoc: WallSettingsFile | null = null;

  /** The file's current form, remembered (secrets as vault references) as the last good one. */
  const load = (file: string): WallSettingsFile => {
    const doc = settingsFile(loadConfigFile(file, pcCodec, { revealed: false }));
    if (lastGoodFile && vault) {
      const remembered = moveSecretsIntoVault(doc, vault, pcCodec).settings;
      writeJsonAtomically(lastGoodFile, remembered);
    }
    return doc;
  };

  if (configFile) {
    try {
      baseDoc = load(configFile);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      const problems = error.fieldProblems;
      log(`start: ${error.message}`);
      const lastGood = lastGoodFile ? readLastGood(lastGoodFile) : null;
      if (lastGood) {
        baseDoc = lastGood;
        log('start: the wall runs on the last configuration that worked on this PC');
        startNotices.push(fileNotice(configFile, problems));
      } else {
        baseDoc = NOTHING;
        blocking = { file: configFile, problems };
      }
    }
  }
  const book = new SettingsBook({
    base: baseDoc ? { doc: baseDoc, file: configFile } : null,
    demo: demoSettingsFile(),
    local,
    vault,
    protection,
    pcCodec,
  });
  for (const warning of book.warnings) log(`settings: ${warning}`);
  return {
    control: { book, vault, pcCodec, configFile, startNotices, blocking },
    watch(recovered) {
      if (!configFile || (!blocking && startNotices.length === 0)) return () => {};
      // Polling, not fs.watch: editors replace the file (a new inode), and it may not exist
      // yet. The first look is taken now, so a change made right after start is not missed.
      let seen = fileStamp(configFile);
      const timer = setInterval(() => {
        const stamp = fileStamp(configFile);
        if (stamp === seen) return;
        seen = stamp;
        try {
          recovered(load(configFile));
          log(`start: ${configFile} is valid again; the wall now runs on it`);
          clearInterval(timer);
        } catch {
          // Still wrong: keep waiting (its problems are already on the screen).
        }
      }, 2000);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function readLastGood(file: string): WallSettingsFile | null {
  const read = readJsonSafely(file, (json) =>
    parseSettings(json).ok
      ? { ok: true, value: json as WallSettingsFile }
      : { ok: false, problem: 'it no longer passes the schema' },
  );
  return read.found === 'nothing' ? null : read.value;
}

function fileNotice(file: string, problems: FieldError[]): SettingsNotice {
  const count = problems.length;
  // What is wrong comes first: the strip shows one line, and a long path would hide the rest.
  return {
    id: 'config-file-invalid',
    severity: 'error',
    message: {
      en: `The configuration file has ${count} problem${count === 1 ? '' : 's'}; the wall runs on the last configuration that worked. Fix ${file}: the wall takes it as soon as it is valid.`,
      vi: `Tệp cấu hình có ${count} lỗi; màn hình giám sát đang chạy theo cấu hình tốt gần nhất. Hãy sửa tệp ${file}: màn hình giám sát sẽ dùng ngay khi tệp hợp lệ.`,
    },
    problems,
  };
}
