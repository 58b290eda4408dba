// The configuration's "provisioning" field: checked by the one schema with the same field
// errors (path, code, English and Vietnamese) as every other field, kept in its file form, and
// its fleet key handled as a secret (vault, --protect-config) like a camera password.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectSecrets, revealSecrets } from '../../../electron/settings/protected-secrets';
import { classifySource, describeSource } from '../../../electron/settings/provisioning-field';
import type { WallSettingsFile } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';
import {
  FLEET_KEY_REF,
  countSecretsOutsideVault,
  mapSettingsSecrets,
} from '../../../electron/settings/vault/vault-secrets';

const ed = generateKeyPairSync('ed25519').publicKey.export({
  type: 'spki',
  format: 'pem',
}) as string;
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
  type: 'spki',
  format: 'pem',
});
const fleetKey = randomBytes(32).toString('base64url');

function wall(provisioning: unknown): Record<string, unknown> {
  return {
    schemaVersion: 2,
    locale: 'vi',
    sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
    cameras: [],
    layout: { preset: '1x1', cameraIds: [] },
    provisioning,
  };
}

const good = () => ({
  source: 'https://it.example.vn/wall/t0ken/fleet.owb',
  publicKeys: [ed],
  fleetKey,
});

function problems(provisioning: unknown) {
  const result = parseSettings(wall(provisioning));
  if (result.ok) throw new Error('expected a refusal');
  return result.problems.map((p) => ({ field: p.field, code: p.code, message: p.message }));
}

describe('the provisioning field', () => {
  it('accepts an https source or a folder, fills the poll period, keeps the file form', () => {
    const parsed = parseSettings(wall(good()));
    // Trimmed like every text field (the PEM's last newline), otherwise as written.
    expect(parsed.ok && parsed.settings.provisioning).toEqual({
      ...good(),
      publicKeys: [ed.trim()],
      pollMinutes: 5,
    });
    const dir = mkdtempSync(join(tmpdir(), 'prov-key-'));
    writeFileSync(join(dir, 'public-key.pem'), ed);
    const folder = { ...good(), source: 'E:\\wall', publicKeys: [join(dir, 'public-key.pem')] };
    expect(parseSettings(wall({ ...folder, pollMinutes: 1 })).ok).toBe(true);
    expect(parseSettings(wall({ ...good(), fleetKey: 'safe:abc' })).ok).toBe(true);
  });

  it('names each wrong value at its field, in English and Vietnamese', () => {
    expect(problems({ ...good(), source: 'http://it.example.vn/fleet.owb' })).toEqual([
      {
        field: 'provisioning.source',
        code: 'invalid-source',
        message: {
          en: expect.stringContaining('must be an https:// address or the full path'),
          vi: expect.stringContaining('Phải là địa chỉ https://'),
        },
      },
    ]);
    expect(problems({ ...good(), source: 'usb/wall' })[0]?.code).toBe('invalid-source');
    expect(problems({ ...good(), pollMinutes: 0 })).toEqual([
      {
        field: 'provisioning.pollMinutes',
        code: 'invalid-interval',
        message: { en: expect.any(String), vi: 'Phải là số phút nguyên, từ 1 đến 1440.' },
      },
    ]);
    expect(problems({ ...good(), publicKeys: [] })[0]?.code).toBe('invalid-public-keys');
    expect(problems({ ...good(), publicKeys: [ed, rsa] })).toEqual([
      {
        field: 'provisioning.publicKeys[1]',
        code: 'invalid-public-key',
        message: {
          en: expect.stringContaining('not an Ed25519 key'),
          vi: expect.stringContaining('Không dùng được khoá công khai'),
        },
      },
    ]);
    expect(problems({ ...good(), publicKeys: ['/nowhere/public-key.pem'] })[0]?.message.en).toMatch(
      /cannot read "\/nowhere\/public-key.pem" \(ENOENT\)/,
    );
    expect(problems({ ...good(), fleetKey: 'c2hvcnQ' })).toEqual([
      {
        field: 'provisioning.fleetKey',
        code: 'invalid-fleet-key',
        message: {
          en: expect.stringContaining('fleet.key'),
          vi: expect.stringContaining('fleet.key'),
        },
      },
    ]);
    expect(problems({ ...good(), source: 'E:\\wall', ca: '-----BEGIN CERTIFICATE-----' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'provisioning.ca' })]),
    );
    expect(problems('yes')[0]).toMatchObject({ field: 'provisioning', code: 'not-an-object' });
  });

  it('treats the fleet key as a secret: vault reference, --protect-config, the plain count', () => {
    const parsed = parseSettings(wall(good()));
    if (!parsed.ok) throw new Error('expected valid settings');
    const doc = parsed.settings as unknown as WallSettingsFile;
    const seen: string[] = [];
    const moved = mapSettingsSecrets(doc, (value, ref, path) => {
      seen.push(`${ref} ${path}`);
      return `vault:${ref}`;
    });
    expect(seen).toEqual([`${FLEET_KEY_REF} provisioning.fleetKey`]);
    expect(moved.provisioning?.fleetKey).toBe('vault:provisioning/fleetKey');
    expect(countSecretsOutsideVault(doc)).toBe(1);
    const codec = {
      available: true,
      weak: false,
      encrypt: (s: string) => Buffer.from(s).toString('hex'),
      decrypt: (s: string) => Buffer.from(s, 'hex').toString(),
    };
    const locked = protectSecrets(doc, codec);
    expect(locked.protectedCount).toBe(1);
    expect(locked.settings.provisioning?.fleetKey).toMatch(/^safe:/);
    const opened = revealSecrets(locked.settings, codec);
    expect(opened.ok && opened.settings.provisioning?.fleetKey).toBe(fleetKey);
  });

  it('shows an https source by its host only: the path may carry a token', () => {
    const source = classifySource('https://it.example.vn/wall/t0ken/fleet.owb?k=1')!;
    expect(describeSource(source)).toBe('https://it.example.vn/…');
    expect(classifySource('ftp://it.example.vn/x')).toBeNull();
    expect(classifySource('/media/usb/wall')).toEqual({ kind: 'folder', path: '/media/usb/wall' });
  });
});
