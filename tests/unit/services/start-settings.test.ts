// A kiosk never goes dark for a bad file: the last configuration that worked, every problem
// on the status line, and the file taken again once it is fixed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSettings } from '../../../electron/services/start-settings';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';

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

const start = () => startSettings({ configFile: file, dataDir: dir, pcCodec: null, log: () => {} });

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
      /^Tệp cấu hình có 3 lỗi; tường đang chạy theo cấu hình tốt gần nhất/,
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
});
