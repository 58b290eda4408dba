import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WallSettingsFile } from '../../../../electron/settings/settings-model';
import { keyFileCodec } from '../../../../electron/settings/vault/key-file-codec';
import { protectionOf, SecretVault } from '../../../../electron/settings/vault/secret-vault';
import {
  countSecretsOutsideVault,
  moveSecretsIntoVault,
  revealVaultRefs,
} from '../../../../electron/settings/vault/vault-secrets';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'vault-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (): WallSettingsFile => ({
  schemaVersion: 2,
  locale: 'vi',
  sites: [{ id: 's', name: 'Xã A' }],
  cameras: [
    {
      id: 'cam-1',
      siteId: 's',
      name: 'Quầy 1',
      streams: {
        sub: {
          url: 'rtsp://cam/102',
          auth: { type: 'password', username: 'admin', password: 'Pa55-sub' },
        },
        main: { url: 'http://gw/live/a.flv', auth: { type: 'bearer', token: 'tok-main' } },
      },
    },
  ],
  layout: { preset: '1x1', cameraIds: ['cam-1'] },
});

describe('key file codec', () => {
  it('creates a 0600 key once and decrypts across instances', () => {
    const keyFile = join(dir, 'vault.key');
    const sealed = keyFileCodec(keyFile).encrypt('Pa55');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(keyFileCodec(keyFile).decrypt(sealed)).toBe('Pa55');
    expect(sealed).not.toContain('Pa55');
  });

  it('refuses a damaged key file rather than make a new key over it', () => {
    const keyFile = join(dir, 'vault.key');
    writeFileSync(keyFile, 'short');
    expect(() => keyFileCodec(keyFile)).toThrow(/damaged/);
  });
});

describe('the vault', () => {
  it('moves every secret out of the settings, keeps references, and reveals them again', () => {
    const file = join(dir, 'vault.json');
    const codec = keyFileCodec(join(dir, 'vault.key'));
    const vault = new SecretVault(file, codec, protectionOf(codec, true));
    expect(vault.protection).toBe('key-file');
    expect(countSecretsOutsideVault(settings())).toBe(2);
    const { settings: moved, moved: count } = moveSecretsIntoVault(settings(), vault, null);
    expect(count).toBe(2);
    expect(countSecretsOutsideVault(moved)).toBe(0);
    expect(moved.cameras[0]!.streams.sub.auth).toEqual({
      type: 'password',
      username: 'admin',
      password: 'vault:cam-1/sub/password',
    });
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toMatch(/Pa55-sub|tok-main/);
    // A fresh vault on the same files (a restart) reveals the same secrets.
    const again = new SecretVault(file, codec, 'key-file');
    const revealed = revealVaultRefs(moved, again);
    expect(revealed.ok && revealed.settings).toEqual(settings());
  });

  it('names a reference the vault does not hold, and forgets a camera’s secrets', () => {
    const codec = keyFileCodec(join(dir, 'vault.key'));
    const vault = new SecretVault(join(dir, 'vault.json'), codec, 'key-file');
    const { settings: moved } = moveSecretsIntoVault(settings(), vault, null);
    vault.forget('cam-1/');
    const revealed = revealVaultRefs(moved, vault);
    expect(revealed.ok ? [] : revealed.errors).toEqual([
      expect.stringMatching(
        /^cameras\[0\]\.streams\.sub\.auth\.password: the vault on this PC holds no secret/,
      ),
      expect.stringMatching(/^cameras\[0\]\.streams\.main\.auth\.token: /),
    ]);
  });

  it('says how it protects: OS key store, obscured (basic_text), key file, or not at all', () => {
    const codec = {
      available: true,
      weak: false,
      encrypt: (s: string) => s,
      decrypt: (s: string) => s,
    };
    expect(protectionOf(codec, false)).toBe('os-keystore');
    expect(protectionOf({ ...codec, weak: true }, false)).toBe('obscured');
    expect(protectionOf({ ...codec, available: false }, false)).toBe('none');
    expect(protectionOf(null, false)).toBe('none');
  });

  it('a damaged vault file is kept aside and its last good copy read', () => {
    const file = join(dir, 'vault.json');
    const codec = keyFileCodec(join(dir, 'vault.key'));
    const vault = new SecretVault(file, codec, 'key-file');
    const ref = vault.put('cam-1/sub/password', 'one');
    vault.put('cam-2/sub/password', 'two');
    writeFileSync(file, '{"vault": 1, "secr');
    const reopened = new SecretVault(file, codec, 'key-file');
    expect(reopened.warning).toMatch(/damaged.*last good copy is used/);
    expect(reopened.reveal(ref)).toBe('one');
  });
});
