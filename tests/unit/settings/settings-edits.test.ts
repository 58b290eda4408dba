import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraDraft } from '../../../electron/contract/settings-view';
import { demoSettingsFile } from '../../../electron/settings/demo-config';
import { SettingsBook } from '../../../electron/settings/settings-book';
import {
  deleteCamera,
  deleteCentre,
  saveCamera,
  saveCentre,
} from '../../../electron/settings/settings-edits';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';
import { keyFileCodec } from '../../../electron/settings/vault/key-file-codec';
import { SecretVault } from '../../../electron/settings/vault/secret-vault';
import { localSettingsSlot } from '../../../electron/settings/settings-store';
import { localSlot, openTestStore, storeFile } from './support/conf-store';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'settings-edits-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileDoc = (): WallSettingsFile => ({
  schemaVersion: 2,
  locale: 'vi',
  sites: [{ id: 'huyen', name: 'Một cửa huyện' }],
  cameras: [
    { id: 'cam-f', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
  ],
  layout: { preset: '2x2', cameraIds: ['cam-f'] },
});

function book(base: WallSettingsFile | null = fileDoc(), local = localSlot(dir)) {
  const codec = keyFileCodec(join(dir, 'vault.key'));
  return new SettingsBook({
    base: base ? { doc: base, file: join(dir, 'wall.json') } : null,
    demo: demoSettingsFile(),
    local,
    vault: new SecretVault(join(dir, 'vault.json'), codec, 'key-file'),
    protection: 'key-file',
    pcCodec: null,
  });
}

const rtspCamera = (password: CameraDraft['streams']['sub']['auth']): CameraDraft => ({
  siteId: 'xa-cam-doai',
  name: 'Quầy 2',
  availability: 'installed',
  streams: { sub: { url: 'rtsp://10.0.0.9:554/Streaming/Channels/102', auth: password } },
});

describe('settings edits', () => {
  it('adds a centre and a camera; the password goes to the vault, never to the local file or the view', () => {
    const b = book();
    const centre = saveCentre(b, { name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' });
    expect(centre.ok).toBe(true);
    const saved = saveCamera(
      b,
      rtspCamera({ type: 'password', username: 'viewer', password: { value: 'TestPa55-1' } }),
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.changed).toEqual([]);
    const cam = saved.settings.cameras.find((c) => c.id === 'quay-2')!;
    expect(cam.streams.sub.auth).toEqual({
      type: 'password',
      username: 'viewer',
      password: 'TestPa55-1',
    });
    expect(readFileSync(storeFile(dir), 'utf8')).not.toContain('TestPa55-1');
    expect(JSON.stringify(b.view())).not.toContain('TestPa55-1');
    const view = b.view().cameras.find((c) => c.id === 'quay-2')!;
    expect(view.origin).toBe('local');
    expect(view.streams.sub.auth).toMatchObject({
      hasPassword: true,
      vaultRef: 'vault:quay-2/sub/password',
    });
    expect(b.view().centres.map((c) => [c.id, c.origin])).toEqual([
      ['huyen', 'file'],
      ['xa-cam-doai', 'local'],
    ]);
    // A restart reads the same settings back, secrets from the vault.
    expect(book().settings.cameras.find((c) => c.id === 'quay-2')).toEqual(cam);
  });

  it('keeps the stored password, names the camera that changed, and refuses keep without one', () => {
    const b = book();
    saveCentre(b, { name: 'Xã Cẩm Đoài' });
    saveCamera(b, rtspCamera({ type: 'password', username: 'viewer', password: { value: 'one' } }));
    const edited = saveCamera(b, {
      ...rtspCamera({ type: 'password', username: 'viewer', password: { keep: true } }),
      id: 'quay-2',
      name: 'Quầy 2 (mới)',
    });
    if (!edited.ok) throw new Error(JSON.stringify(edited.errors));
    expect(edited.changed).toEqual(['quay-2']);
    expect(edited.settings.cameras.find((c) => c.id === 'quay-2')!.streams.sub.auth).toMatchObject({
      password: 'one',
    });
    const fresh = saveCamera(
      b,
      rtspCamera({ type: 'password', username: 'v', password: { keep: true } }),
    );
    expect(fresh.ok ? [] : fresh.errors.map((e) => [e.field, e.code])).toEqual([
      ['streams.sub.auth.password', 'secret-missing'],
    ]);
  });

  it('answers field errors relative to the draft, with both languages, and saves nothing', () => {
    const b = book();
    const refused = saveCamera(b, {
      siteId: 'nowhere',
      name: ' ',
      availability: 'installed',
      streams: { sub: { url: 'ftp://x/1', auth: { type: 'none' } } },
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    // All at once: the draft's own error, then what the whole configuration says of the rest.
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'required'],
      ['streams.sub.url', 'unsupported-url'],
      ['siteId', 'unknown-site'],
    ]);
    // A kept password with none stored, and an unknown centre: both in one answer too.
    const keepNothing = saveCamera(b, {
      ...rtspCamera({ type: 'password', username: 'v', password: { keep: true } }),
      siteId: 'nowhere',
    });
    expect(keepNothing.ok ? [] : keepNothing.errors.map((e) => [e.field, e.code])).toEqual([
      ['streams.sub.auth.password', 'secret-missing'],
      ['siteId', 'unknown-site'],
    ]);
    const second = saveCamera(b, { ...rtspCamera({ type: 'none' }), siteId: 'nowhere' });
    expect(second.ok ? [] : second.errors.map((e) => [e.field, e.code, e.message.vi])).toEqual([
      ['siteId', 'unknown-site', 'Không có trung tâm mã "nowhere".'],
    ]);
    const third = saveCamera(b, {
      ...rtspCamera({ type: 'none' }),
      siteId: 'huyen',
      streams: { sub: { url: 'ftp://x/1', auth: { type: 'none' } } },
    });
    expect(third.ok ? [] : third.errors.map((e) => [e.field, e.code])).toEqual([
      ['streams.sub.url', 'unsupported-url'],
    ]);
    expect(localSlot(dir).read()).toBeUndefined();
  });

  it('keeps the file’s office hours through a staff edit', () => {
    const schedule = { timeZone: 'Asia/Ho_Chi_Minh', saturdayMorning: true };
    const b = book({ ...fileDoc(), schedule });
    expect(b.settings.schedule).toEqual(schedule);
    expect(saveCentre(b, { name: 'Xã Cẩm Đoài' }).ok).toBe(true);
    expect(b.settings.schedule).toEqual(schedule);
    expect(b.document().schedule).toEqual(schedule);
  });

  it('refuses changes to what the file holds, and a centre that still has cameras', () => {
    const b = book();
    expect(
      saveCamera(b, { ...rtspCamera({ type: 'none' }), id: 'cam-f', siteId: 'huyen' }),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'read-only' }],
    });
    expect(deleteCentre(b, { id: 'huyen' })).toMatchObject({
      ok: false,
      errors: [{ code: 'read-only' }],
    });
    saveCentre(b, { name: 'Xã Cẩm Đoài' });
    saveCamera(b, rtspCamera({ type: 'none' }));
    expect(deleteCentre(b, { id: 'xa-cam-doai' })).toMatchObject({
      ok: false,
      errors: [{ code: 'centre-has-cameras' }],
    });
    const gone = deleteCamera(b, { id: 'quay-2' });
    expect(gone.ok && gone.changed).toEqual(['quay-2']);
    expect(deleteCentre(b, { id: 'xa-cam-doai' }).ok).toBe(true);
  });

  it('without a file, the demo shows until staff add a centre; then the wall is theirs', () => {
    const b = book(null);
    expect(b.source).toBe('demo');
    expect(saveCentre(b, { name: 'Xã Cẩm Đoài' }).ok).toBe(true);
    expect(b.source).toBe('store');
    expect(b.settings.sites.map((s) => s.id)).toEqual(['xa-cam-doai']);
  });

  it('a damaged store: staff’s settings come back from its last good copy, the broken file kept', () => {
    const b = book();
    saveCentre(b, { name: 'Xã A' });
    saveCentre(b, { name: 'Xã B' });
    writeFileSync(storeFile(dir), '{"localSettings": {"sites": [');
    const opened = openTestStore(dir);
    expect(opened.damage).toMatchObject({ startedOn: 'last-good' });
    expect(readFileSync(opened.damage!.keptAs, 'utf8')).toBe('{"localSettings": {"sites": [');
    const again = book(fileDoc(), localSettingsSlot(opened.store));
    expect(again.settings.sites.map((s) => s.id)).toEqual(['huyen', 'xa-a', 'xa-b']);
  });

  it('a value the store’s schema refuses is not kept, and the form is told', () => {
    const b = book(null);
    saveCentre(b, { name: 'Xã A' });
    // An id the settings schema trims but the store's pattern refuses (" x"): nothing changes.
    const refused = b.commit({
      ...b.localPart,
      sites: [...b.localPart.sites, { id: ' x', name: 'X' }],
    });
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'not-stored' }] });
    expect(b.settings.sites.map((s) => s.id)).toEqual(['xa-a']);
    expect(localSlot(dir).read()).toMatchObject({ sites: [{ id: 'xa-a' }] });
  });
});
