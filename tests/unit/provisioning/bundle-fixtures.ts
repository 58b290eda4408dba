// Shared fixtures: a key pair, a fleet key, a small valid wall and a bundle signer with a fixed
// clock, so tests state times explicitly instead of reading the wall clock.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { BundlePayload, SettingsLike } from '../../../electron/provisioning/bundle-format';
import { encryptConfigSecrets } from '../../../electron/provisioning/fleet-secrets';
import { signBundle } from '../../../electron/provisioning/sign-bundle';
import { pinKeys } from '../../../electron/provisioning/signing-keys';

export const signer = generateKeyPairSync('ed25519');
export const otherSigner = generateKeyPairSync('ed25519');
export const pinned = pinKeys([signer.publicKey]);
export const fleetKey = randomBytes(32);

export const T0 = new Date('2026-03-02T08:00:00+07:00');
export const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

export const SECRET = 'S3cr3t-pass!';

export function wall(): SettingsLike {
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: [
      { id: 'huyen', name: 'Bộ phận Một cửa huyện' },
      { id: 'cam-doai', name: 'Xã Cẩm Đoài' },
    ],
    cameras: [
      {
        id: 'huyen-1',
        siteId: 'huyen',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: 'rtsp://192.0.2.10:554/Streaming/Channels/102',
            auth: { type: 'password', username: 'viewer', password: SECRET },
          },
        },
      },
      {
        id: 'doai-1',
        siteId: 'cam-doai',
        name: 'Quầy tiếp nhận',
        streams: { sub: { url: 'rtsp://192.0.2.20:554/cam?token=abc' } },
      },
    ],
    layout: { preset: '2x2', cameraIds: ['huyen-1', 'doai-1', null, null] },
  };
}

export function payload(overrides: Partial<BundlePayload> = {}): BundlePayload {
  const w = wall();
  return {
    issuedAt: T0.toISOString(),
    expiresAt: days(30).toISOString(),
    sequence: 7,
    fleet: 'cam-giang',
    manages: ['sites', 'cameras'],
    config: encryptConfigSecrets({ sites: w.sites, cameras: w.cameras }, fleetKey),
    ...overrides,
  };
}

export const signed = (p: BundlePayload = payload(), key = signer.privateKey) => signBundle(p, key);

/** Replaces one envelope field, keeping the rest of the text as signed. */
export function withField(text: string, field: string, value: unknown): string {
  return JSON.stringify({ ...JSON.parse(text), [field]: value });
}

/** Flips one bit of the decoded bytes of a base64url field at `offset`. */
export function flipByte(text: string, field: 'payload' | 'signature', offset: number): string {
  const env = JSON.parse(text) as Record<string, string>;
  const bytes = Buffer.from(env[field]!, 'base64url');
  bytes[offset]! ^= 0x01;
  return withField(text, field, bytes.toString('base64url'));
}
