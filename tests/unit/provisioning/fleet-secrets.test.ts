import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptConfigSecrets,
  decryptSecret,
  encryptConfigSecrets,
  encryptSecret,
  findClearSecrets,
  parseFleetKey,
} from '../../../electron/provisioning/fleet-secrets';
import { signBundle } from '../../../electron/provisioning/sign-bundle';
import { SECRET, fleetKey, payload, signer, wall } from './bundle-fixtures';

describe('fleet secrets', () => {
  it('round-trips a secret, with a fresh IV each time', () => {
    const a = encryptSecret('mật khẩu ✓', fleetKey);
    const b = encryptSecret('mật khẩu ✓', fleetKey);
    expect(a).toMatch(/^fleet:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, fleetKey)).toBe('mật khẩu ✓');
  });

  it('refuses the wrong fleet key and a damaged value', () => {
    const value = encryptSecret(SECRET, fleetKey);
    expect(() => decryptSecret(value, randomBytes(32))).toThrow();
    const bytes = Buffer.from(value.slice('fleet:v1:'.length), 'base64url');
    bytes[14]! ^= 1;
    expect(() => decryptSecret(`fleet:v1:${bytes.toString('base64url')}`, fleetKey)).toThrow();
  });

  it('encrypts every auth secret of a config and decrypts it back', () => {
    const { cameras } = wall();
    const config = {
      cameras: [...(cameras as object[]), { auth: { type: 'bearer', token: 'tok' } }],
      other: { auth: { type: 'nms-sign', secret: 'nms' } },
    };
    const encrypted = encryptConfigSecrets(config, fleetKey);
    const text = JSON.stringify(encrypted);
    for (const clear of [SECRET, '"tok"', '"nms"']) expect(text).not.toContain(clear);
    expect(findClearSecrets(encrypted)).toEqual([]);
    const back = decryptConfigSecrets(encrypted, fleetKey);
    expect(back).toEqual({ ok: true, value: config });
  });

  it('says what to do when the PC holds another fleet key, without the secret', () => {
    const encrypted = encryptConfigSecrets(wall(), fleetKey);
    const result = decryptConfigSecrets(encrypted, randomBytes(32));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(
      /cameras\[0\]\.streams\.sub\.auth\.password: the bundle was made for another fleet key/,
    );
    expect(result.message).not.toContain(SECRET);
  });

  it('finds clear secrets and passwords inside URLs', () => {
    const tree = {
      cameras: [
        { streams: { sub: { url: 'rtsp://admin:pw@192.0.2.1/x', auth: { password: 'p' } } } },
      ],
    };
    expect(findClearSecrets(tree)).toEqual([
      'cameras[0].streams.sub.auth.password',
      'cameras[0].streams.sub.url',
    ]);
  });

  it('signing refuses a clear secret and a URL with a password', () => {
    const w = wall();
    const clear = payload({ config: { sites: w.sites, cameras: w.cameras } });
    expect(() => signBundle(clear, signer.privateKey)).toThrow(/secrets in clear at cameras\[0\]/);
    const cams = [{ id: 'x', streams: { sub: { url: 'rtsp://u:p@h/x' } } }];
    const inUrl = payload({ config: { sites: w.sites, cameras: cams } });
    expect(() => signBundle(inUrl, signer.privateKey)).toThrow(/keep passwords out of URLs/);
  });

  it('reads the fleet key as keygen writes it, and refuses a short one', () => {
    expect(parseFleetKey(`${fleetKey.toString('base64url')}\n`)).toEqual(fleetKey);
    expect(parseFleetKey(Buffer.from(fleetKey))).toEqual(fleetKey);
    expect(() => parseFleetKey('c2hvcnQ')).toThrow(/32 bytes/);
  });
});
