// Protecting the configuration's secrets for one PC, with a real cipher (AES-256-GCM under a
// key of the test's own) standing in for the operating system's key store.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFileError, loadConfigFile } from '../../../electron/settings/load-config-file';
import { protectConfigFile } from '../../../electron/settings/protect-config-file';
import {
  protectSecrets,
  revealSecrets,
  type SecretCodec,
} from '../../../electron/settings/protected-secrets';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';

function aesCodec(key = randomBytes(32)): SecretCodec {
  return {
    available: true,
    weak: false,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(encoded) {
      const raw = Buffer.from(encoded, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const SECRETS = ['cam-Pa55!', 'tok-123', 'nms-secret', 'url-pass'];

function settings(): WallSettingsFile {
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: [{ id: 'a', name: 'Xã Cao An' }],
    cameras: [
      {
        id: 'rtsp',
        siteId: 'a',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: 'rtsp://192.0.2.1/Streaming/Channels/102',
            auth: { type: 'password', username: 'viewer', password: SECRETS[0]! },
          },
          main: { url: 'rtsp://viewer:url-pass@192.0.2.1/Streaming/Channels/101' },
        },
      },
      {
        id: 'gw',
        siteId: 'a',
        name: 'Quầy 2',
        streams: {
          sub: { url: 'https://gw/live/a.flv', auth: { type: 'bearer', token: SECRETS[1]! } },
          main: { url: 'ws://gw/live/b.flv', auth: { type: 'nms-sign', secret: SECRETS[2]! } },
        },
      },
    ],
    layout: { preset: '2x2', cameraIds: ['rtsp', 'gw', null, null] },
  };
}

describe('protectSecrets and revealSecrets', () => {
  it('encrypts every password, token, signing secret and URL password, and gets them back', () => {
    const codec = aesCodec();
    const { settings: safe, protectedCount } = protectSecrets(settings(), codec);
    expect(protectedCount).toBe(4);
    const text = JSON.stringify(safe);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    // The URL's userinfo moved into auth, so no credential travels inside a URL.
    expect(safe.cameras[0]!.streams.main!.url).toBe('rtsp://192.0.2.1/Streaming/Channels/101');
    const revealed = revealSecrets(safe, codec);
    expect(revealed.ok && revealed.settings.cameras[0]!.streams.main!.auth).toEqual({
      type: 'password',
      username: 'viewer',
      password: 'url-pass',
    });
    expect(revealed.ok && revealed.settings.cameras[1]!.streams.sub.auth).toEqual({
      type: 'bearer',
      token: 'tok-123',
    });
  });

  it('does not protect twice', () => {
    const codec = aesCodec();
    const once = protectSecrets(settings(), codec).settings;
    const twice = protectSecrets(once, codec);
    expect(twice.protectedCount).toBe(0);
    expect(twice.settings).toEqual(once);
  });

  it('names each secret that another PC protected, instead of using garbage', () => {
    const safe = protectSecrets(settings(), aesCodec()).settings;
    const elsewhere = revealSecrets(safe, aesCodec());
    expect(elsewhere.ok).toBe(false);
    expect(!elsewhere.ok && elsewhere.errors[0]).toMatch(
      /^cameras\[0\]\.streams\.sub\.auth\.password: cannot be decrypted on this PC/,
    );
    const preview = revealSecrets(safe, null);
    expect(!preview.ok && preview.errors).toHaveLength(4);
  });
});

describe('protectConfigFile', () => {
  it('rewrites the file with its secrets protected, owner-only, and the wall reads it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'protect-')), 'wall.json');
    writeFileSync(file, JSON.stringify(settings()));
    const codec = aesCodec();
    const said = protectConfigFile(file, codec);
    expect(said).toContain('4 secret(s) protected');
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfigFile(file, codec).cameras[1]!.streams.main!.auth).toEqual({
      type: 'nms-sign',
      secret: 'nms-secret',
    });
    expect(() => loadConfigFile(file, null)).toThrow(ConfigFileError);
  });

  it('never follows a link planted at a temporary name, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-'));
    const file = join(dir, 'wall.json');
    writeFileSync(file, JSON.stringify(settings()));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    symlinkSync(victim, `${file}.protecting`);
    protectConfigFile(file, aesCodec());
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readdirSync(dir).sort()).toEqual(['victim.txt', 'wall.json', 'wall.json.protecting']);
  });

  it('writes the file format back: no field derived when the file was read', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'protect-')), 'wall.json');
    writeFileSync(file, JSON.stringify(settings()));
    protectConfigFile(file, aesCodec());
    const written = JSON.parse(readFileSync(file, 'utf8')) as WallSettingsFile;
    for (const camera of written.cameras) {
      for (const endpoint of [camera.streams.sub, camera.streams.main]) {
        expect(endpoint).toBeDefined();
        expect(Object.keys(endpoint!).sort()).toEqual(['auth', 'url']);
      }
    }
  });

  it('says plainly when the PC has no key store', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'protect-')), 'wall.json');
    writeFileSync(file, JSON.stringify(settings()));
    expect(protectConfigFile(file, { ...aesCodec(), weak: true })).toMatch(/only obscured/);
  });

  it('refuses an invalid file without touching it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'protect-')), 'wall.json');
    writeFileSync(file, '{ "schemaVersion": 1 }');
    expect(() => protectConfigFile(file, aesCodec())).toThrow(ConfigFileError);
    expect(readFileSync(file, 'utf8')).toBe('{ "schemaVersion": 1 }');
  });
});
