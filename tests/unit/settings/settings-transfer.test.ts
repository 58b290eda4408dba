import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettingsFile } from '../../../electron/settings/demo-config';
import { SettingsBook } from '../../../electron/settings/settings-book';
import { saveCamera, saveCentre } from '../../../electron/settings/settings-edits';
import { exportSettings, importSettings } from '../../../electron/settings/settings-transfer';
import { keyFileCodec } from '../../../electron/settings/vault/key-file-codec';
import { SecretVault } from '../../../electron/settings/vault/secret-vault';
import { localSlot } from './support/conf-store';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-transfer-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function book(dir: string) {
  const codec = keyFileCodec(join(dir, 'vault.key'));
  const vault = new SecretVault(join(dir, 'vault.json'), codec, 'key-file');
  return new SettingsBook({
    base: null,
    demo: demoSettingsFile(),
    local: localSlot(dir),
    vault,
    protection: 'key-file',
    pcCodec: null,
  });
}

let source: SettingsBook;
beforeEach(() => {
  source = book(fresh());
  saveCentre(source, { name: 'Xã Cẩm Đoài' });
  saveCamera(source, {
    siteId: 'xa-cam-doai',
    name: 'Quầy 1',
    availability: 'installed',
    streams: {
      sub: {
        url: 'rtsp://10.0.0.9/Streaming/Channels/102',
        auth: { type: 'password', username: 'viewer', password: { value: 'TestPa55-9' } },
      },
    },
  });
});

describe('export and import', () => {
  it('round-trips the whole wall with secrets sealed by a passphrase', () => {
    const exported = exportSettings(source, (v) => source.revealSecret(v), {
      mode: 'passphrase',
      passphrase: 'chuyển máy 2026',
    });
    if (!exported.ok) throw new Error('export refused');
    expect(exported.value.secretCount).toBe(1);
    expect(exported.value.json).not.toContain('TestPa55-9');
    const target = book(fresh());
    const imported = importSettings(target, {
      json: exported.value.json,
      passphrase: 'chuyển máy 2026',
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(target.settings).toEqual(source.settings);
    expect(target.missingSecrets()).toEqual([]);
  });

  it('refuses a wrong or missing passphrase and changes nothing', () => {
    const exported = exportSettings(source, (v) => source.revealSecret(v), {
      mode: 'passphrase',
      passphrase: 'right passphrase',
    });
    if (!exported.ok) throw new Error('export refused');
    const target = book(fresh());
    const before = target.settings;
    expect(
      importSettings(target, { json: exported.value.json, passphrase: 'wrong passphrase' }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'passphrase', code: 'wrong-passphrase' }],
    });
    expect(importSettings(target, { json: exported.value.json })).toMatchObject({
      ok: false,
      errors: [{ code: 'passphrase-needed' }],
    });
    expect(target.settings).toEqual(before);
  });

  it('without secrets: the wall is the same but the passwords must be entered again', () => {
    const exported = exportSettings(source, (v) => source.revealSecret(v), { mode: 'omit' });
    if (!exported.ok) throw new Error('export refused');
    expect(exported.value.json).not.toContain('TestPa55-9');
    expect(exported.value.json).not.toContain('"secrets"');
    const target = book(fresh());
    expect(importSettings(target, { json: exported.value.json }).ok).toBe(true);
    expect(target.missingSecrets()).toEqual(['vault:quay-1/sub/password']);
    expect(target.settings.cameras[0]!.streams.sub.auth).toMatchObject({ password: '' });
  });

  it('names a file that is not JSON or not an export', () => {
    const target = book(fresh());
    expect(importSettings(target, { json: '{"format": ' })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-json' }],
    });
    expect(importSettings(target, { json: '{"sites": []}' })).toMatchObject({
      ok: false,
      errors: [{ code: 'not-an-export' }],
    });
  });
});
