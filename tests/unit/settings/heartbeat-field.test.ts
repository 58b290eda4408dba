// IT's "heartbeat" field: off unless present, every problem named at its field in English and
// Vietnamese, plain http:// only to private addresses, and its key kept like a camera
// password (vault, --protect-config), never in what the renderer receives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { wallSnapshot } from '../../../electron/services/wall-snapshot';
import { demoSettingsFile } from '../../../electron/settings/demo-config';
import { isPrivateHost } from '../../../electron/settings/heartbeat-settings';
import { protectSecrets, revealSecrets } from '../../../electron/settings/protected-secrets';
import { SettingsBook } from '../../../electron/settings/settings-book';
import { settingsFile, type WallSettingsFile } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';
import { keyFileCodec } from '../../../electron/settings/vault/key-file-codec';
import { SecretVault } from '../../../electron/settings/vault/secret-vault';
import { moveSecretsIntoVault } from '../../../electron/settings/vault/vault-secrets';

const KEY = 'k9f3-2b7c-one-stop-wall';
const base = (heartbeat?: unknown): Record<string, unknown> => ({
  schemaVersion: 2,
  sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
  cameras: [],
  layout: { preset: '1x1', cameraIds: [] },
  ...(heartbeat === undefined ? {} : { heartbeat }),
});

function problemsOf(heartbeat: unknown) {
  const result = parseSettings(base(heartbeat));
  if (result.ok) throw new Error('expected the heartbeat to be refused');
  return result.problems.map((p) => ({ field: p.field, code: p.code, ...p.message }));
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the heartbeat field', () => {
  it('is off by default: absent from the demo and from a file without it', () => {
    const parsed = parseSettings(base());
    expect(parsed.ok && parsed.settings.heartbeat).toBeUndefined();
    expect(demoSettingsFile().heartbeat).toBeUndefined();
  });

  it('fills in every 5 minutes and enabled, and keeps what IT wrote', () => {
    const parsed = parseSettings(base({ url: 'https://it.example.vn/beat', secret: KEY }));
    expect(parsed.ok && parsed.settings.heartbeat).toEqual({
      url: 'https://it.example.vn/beat',
      secret: KEY,
      everyMinutes: 5,
      enabled: true,
    });
    const named = parseSettings(
      base({ url: 'https://x.vn/b', secret: KEY, everyMinutes: 1, wallName: ' Phòng Chủ tịch ' }),
    );
    expect(named.ok && named.settings.heartbeat).toMatchObject({
      everyMinutes: 1,
      wallName: 'Phòng Chủ tịch',
    });
  });

  it.each([
    'http://127.0.0.1:8787/beat',
    'http://localhost/beat',
    'http://10.20.30.40/beat',
    'http://172.16.0.9/beat',
    'http://172.31.255.1/beat',
    'http://192.168.1.5:8080/beat?key=x',
    'http://[::1]/beat',
    'http://[fd12:3456::1]/beat',
    'https://giamsat.camgiang.haiduong.gov.vn/beat',
  ])('accepts %s', (url) => {
    expect(parseSettings(base({ url, secret: KEY })).ok).toBe(true);
  });

  it('refuses plain http:// to the internet or to a name, with words for both readers', () => {
    for (const url of ['http://8.8.8.8/beat', 'http://172.32.0.1/b', 'http://it.example.vn/b']) {
      expect(problemsOf({ url, secret: KEY })).toEqual([
        {
          field: 'heartbeat.url',
          code: 'invalid-heartbeat-url',
          en: expect.stringContaining('http:// is accepted only to this PC or a private-network'),
          vi: expect.stringContaining('Chỉ dùng http:// tới máy này hoặc địa chỉ IP mạng nội bộ'),
        },
      ]);
    }
    expect(isPrivateHost('fe80::1')).toBe(true);
    expect(isPrivateHost('2001:db8::1')).toBe(false);
  });

  it('names each wrong part at its field', () => {
    expect(problemsOf('on')).toEqual([
      {
        field: 'heartbeat',
        code: 'not-an-object',
        en: 'must be an object with "url" and "secret"',
        vi: 'Cần địa chỉ nhận (url) và khoá (secret).',
      },
    ]);
    expect(
      problemsOf({
        url: 'ftp://it/beat',
        secret: 'short',
        everyMinutes: 2.5,
        wallName: '',
        enabled: 'yes',
      }).map((p) => `${p.field} ${p.code}`),
    ).toEqual([
      'heartbeat.everyMinutes invalid-interval',
      'heartbeat.wallName required',
      'heartbeat.enabled not-a-flag',
    ]);
    // The URL and the key are checked once the outline is right, each at its own field.
    expect(problemsOf({ url: 'ftp://it/beat', secret: 'short' })).toEqual([
      expect.objectContaining({ field: 'heartbeat.url', vi: expect.stringContaining('https://') }),
      {
        field: 'heartbeat.secret',
        code: 'short-secret',
        en: 'must be at least 16 characters (a random one: openssl rand -hex 32)',
        vi: 'Khoá phải dài ít nhất 16 ký tự (tạo ngẫu nhiên: openssl rand -hex 32).',
      },
    ]);
    expect(problemsOf({ url: 'https://u:p@it.vn/b', secret: KEY })[0]).toMatchObject({
      field: 'heartbeat.url',
      en: 'must not carry a user name or password; the key goes in heartbeat.secret',
    });
    expect(problemsOf({ url: 'https://it.vn/b', secret: KEY, everyMinutes: 1441 })[0]).toEqual({
      field: 'heartbeat.everyMinutes',
      code: 'invalid-interval',
      en: 'must be a whole number of minutes from 1 to 1440',
      vi: 'Phải là số phút nguyên, từ 1 đến 1440.',
    });
    expect(
      problemsOf({ url: 'http://10.0.0.1/b', secret: KEY, tls: { ca: 'x' } })[0],
    ).toMatchObject({
      field: 'heartbeat.tls',
      en: 'applies only to rtsps://, https:// or wss:// URLs',
    });
    expect(problemsOf({ secret: KEY })[0]).toMatchObject({ field: 'heartbeat.url' });
  });

  it('accepts an empty key (a vault reference this PC lacks): the wall runs, the beat does not', () => {
    expect(parseSettings(base({ url: 'https://it.vn/b', secret: '' })).ok).toBe(true);
  });

  it('writes back a pinned receiver without its derived trust', () => {
    const fingerprint = `sha256:${'AB:'.repeat(31)}AB`;
    const parsed = parseSettings(
      base({ url: 'https://it.vn/b', secret: KEY, tls: { fingerprint } }),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(parsed.settings.heartbeat?.tlsTrust?.fingerprint256).toBe('AB:'.repeat(31) + 'AB');
    expect(settingsFile(parsed.settings).heartbeat).toEqual({
      url: 'https://it.vn/b',
      secret: KEY,
      everyMinutes: 5,
      enabled: true,
      tls: { fingerprint },
    });
  });

  it('keeps its key like a camera password: the vault, --protect-config, never the renderer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heartbeat-field-'));
    dirs.push(dir);
    const codec = keyFileCodec(join(dir, 'vault.key'));
    const vault = new SecretVault(join(dir, 'vault.json'), codec, 'key-file');
    const doc = base({ url: 'https://it.vn/b', secret: KEY }) as unknown as WallSettingsFile;

    const moved = moveSecretsIntoVault(doc, vault, null);
    expect(moved.moved).toBe(1);
    expect(moved.settings.heartbeat?.secret).toBe('vault:heartbeat/secret');
    const book = (v: SecretVault) =>
      new SettingsBook({
        base: { doc: moved.settings, file: '/etc/wall.json' },
        demo: demoSettingsFile(),
        local: null,
        vault: v,
        protection: 'key-file',
        pcCodec: null,
      });
    const here = book(vault);
    expect(here.settings.heartbeat?.secret).toBe(KEY);
    const shown = JSON.stringify([
      here.view(),
      wallSnapshot(here.settings, {
        gatewayBase: 'ws://127.0.0.1:1',
        configSource: 'file',
        layouts: [],
        displays: {},
      } as never),
    ]);
    expect(shown).not.toContain(KEY);
    expect(shown).not.toContain('it.vn');

    // Another PC's vault lacks it: the configuration still runs, with no key.
    const elsewhere = new SecretVault(join(dir, 'other.json'), codec, 'key-file');
    expect(book(elsewhere).settings.heartbeat?.secret).toBe('');

    const protectedDoc = protectSecrets(doc, codec);
    expect(protectedDoc.protectedCount).toBe(1);
    expect(protectedDoc.settings.heartbeat?.secret).toMatch(/^safe:/);
    const revealed = revealSecrets(protectedDoc.settings, codec);
    expect(revealed.ok && revealed.settings.heartbeat?.secret).toBe(KEY);
  });
});
