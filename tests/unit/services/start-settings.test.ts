// A kiosk never goes dark for a bad file: the last configuration that worked, every problem
// on the status line, and the file taken again once it is fixed.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSettings } from '../../../electron/services/start-settings';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';
import { localSettingsSlot } from '../../../electron/settings/settings-store';
import { openTestStore, storeFile } from '../settings/support/conf-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-settings-'));
  file = join(dir, 'wall.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (name: string, password = 'FilePa55'): object => ({
  schemaVersion: 1,
  sites: [{ id: 'huyen', name }],
  cameras: [
    {
      id: 'cam-1',
      siteId: 'huyen',
      name: 'Quầy 1',
      streams: {
        sub: { url: 'rtsp://10.0.0.5/1', auth: { type: 'password', username: 'admin', password } },
      },
    },
  ],
  layout: { preset: '1x1', cameraIds: ['cam-1'] },
});

const options = () => ({ configFile: file, dataDir: dir, pcCodec: null, log: () => {} });
const start = () => startSettings(options());

describe('startSettings', () => {
  it('a valid file is remembered as the last good one, its secrets as vault references', () => {
    writeFileSync(file, JSON.stringify(config('Huyện A')));
    const started = start();
    expect(started.control.blocking).toBeNull();
    expect(started.control.book.settings.sites[0]!.name).toBe('Huyện A');
    const lastGood = readFileSync(join(dir, 'last-good-config.json'), 'utf8');
    expect(lastGood).not.toContain('FilePa55');
    expect(lastGood).toContain('vault:cam-1/sub/password');
    if (process.platform !== 'win32')
      expect(statSync(join(dir, 'vault.key')).mode & 0o777).toBe(0o600);
  });

  it('an invalid file: the wall runs on the last good one and names every problem', () => {
    writeFileSync(file, JSON.stringify(config('Huyện A')));
    start();
    writeFileSync(
      file,
      JSON.stringify({ ...config('Huyện B'), locale: 'fr', layout: { preset: '9x9' } }),
    );
    const started = start();
    expect(started.control.blocking).toBeNull();
    const settings = started.control.book.settings;
    expect(settings.sites[0]!.name).toBe('Huyện A');
    expect(settings.cameras[0]!.streams.sub.auth).toMatchObject({ password: 'FilePa55' });
    const notice = started.control.startNotices[0]!;
    expect(notice.id).toBe('config-file-invalid');
    expect(notice.message.vi).toMatch(
      /^Tệp cấu hình có 3 lỗi; màn hình giám sát đang chạy theo cấu hình tốt gần nhất/,
    );
    expect(notice.message.en).toMatch(/^The configuration file has 3 problems;/);
    expect(notice.message.vi).toContain(file);
    expect(notice.problems!.map((p) => p.field)).toEqual([
      'locale',
      'layout.preset',
      'layout.cameraIds',
    ]);
  });

  it('with no last good configuration the problems block the wall until the file is valid', async () => {
    writeFileSync(file, '{ "schemaVersion": 1, ');
    const started = start();
    expect(started.control.blocking).toMatchObject({ file, problems: [{ code: 'unreadable' }] });
    const recovered = new Promise<WallSettingsFile>((done) => {
      const stop = started.watch((doc) => {
        stop();
        done(doc);
      });
    });
    writeFileSync(file, JSON.stringify(config('Huyện C')));
    const doc = await recovered;
    expect(doc.sites[0]!.name).toBe('Huyện C');
    expect(started.control.book.replaceBase(doc)).toMatchObject({ ok: true });
    expect(started.control.book.settings.sites[0]!.name).toBe('Huyện C');
  });

  it('moves settings-local.json into the store, keeps it as .migrated, and the wall shows it', () => {
    writeFileSync(file, JSON.stringify(config('Huyện A')));
    const local = { schemaVersion: 2, sites: [{ id: 'xa-a', name: 'Xã A' }], cameras: [] };
    writeFileSync(join(dir, 'settings-local.json'), JSON.stringify(local));
    const opened = openTestStore(dir);
    const started = startSettings({ ...options(), store: opened.store });
    expect(started.control.book.settings.sites.map((s) => s.id)).toEqual(['huyen', 'xa-a']);
    expect(started.control.startNotices).toEqual([]);
    expect(existsSync(join(dir, 'settings-local.json.migrated'))).toBe(true);
    // The next start reads them from the store alone.
    const again = startSettings({ ...options(), store: openTestStore(dir).store });
    expect(again.control.book.settings.sites.map((s) => s.id)).toEqual(['huyen', 'xa-a']);
  });

  it('a damaged store is said on the status line in both languages, naming the kept file', () => {
    writeFileSync(file, JSON.stringify(config('Huyện A')));
    const slot = localSettingsSlot(openTestStore(dir).store);
    slot.write({ schemaVersion: 2, sites: [{ id: 'xa-a', name: 'Xã A' }], cameras: [] });
    writeFileSync(storeFile(dir), '{"localSettings": ');
    const opened = openTestStore(dir);
    const started = startSettings({
      ...options(),
      store: opened.store,
      storeDamage: opened.damage,
    });
    expect(started.control.book.settings.sites.map((s) => s.id)).toEqual(['huyen', 'xa-a']);
    const [notice] = started.control.startNotices;
    expect(notice).toMatchObject({ id: 'store-damaged', severity: 'warning' });
    expect(notice!.message.en).toContain(opened.damage!.keptAs);
    expect(notice!.message.en).toMatch(/started on its last good copy/);
    expect(notice!.message.vi).toMatch(/bị hỏng; màn hình giám sát đang dùng bản tốt gần nhất/);
  });
});
