import { describe, expect, it } from 'vitest';
import { buildBrandUrls, type BrandCameraForm } from '../../../electron/contract/camera-brand-urls';

const form = (change: Partial<BrandCameraForm> = {}): BrandCameraForm => ({
  brand: 'hikvision',
  address: '192.168.1.64',
  channel: 1,
  username: 'viewer',
  password: { value: 'secret-1' },
  ...change,
});

describe('buildBrandUrls', () => {
  it('builds Hikvision main 101 and sub 102 on port 554, credentials in auth only', () => {
    const urls = buildBrandUrls(form());
    expect(urls).toEqual({
      ok: true,
      main: {
        url: 'rtsp://192.168.1.64:554/Streaming/Channels/101',
        auth: { type: 'password', username: 'viewer', password: { value: 'secret-1' } },
      },
      sub: {
        url: 'rtsp://192.168.1.64:554/Streaming/Channels/102',
        auth: { type: 'password', username: 'viewer', password: { value: 'secret-1' } },
      },
    });
  });

  it('names channel N of a Hikvision NVR N01 / N02 and keeps a given port', () => {
    const urls = buildBrandUrls(form({ address: 'nvr.local:8554', channel: 12 }));
    if (!urls.ok) throw new Error('expected urls');
    expect(urls.main.url).toBe('rtsp://nvr.local:8554/Streaming/Channels/1201');
    expect(urls.sub.url).toBe('rtsp://nvr.local:8554/Streaming/Channels/1202');
  });

  it('builds Dahua realmonitor URLs with subtype 0 (main) and 1 (sub)', () => {
    const urls = buildBrandUrls(form({ brand: 'dahua', channel: 3, address: '[fe80::1]' }));
    if (!urls.ok) throw new Error('expected urls');
    expect(urls.main.url).toBe('rtsp://[fe80::1]:554/cam/realmonitor?channel=3&subtype=0');
    expect(urls.sub.url).toBe('rtsp://[fe80::1]:554/cam/realmonitor?channel=3&subtype=1');
  });

  it('keeps the stored password when the form says keep', () => {
    const urls = buildBrandUrls(form({ password: { keep: true } }));
    if (!urls.ok) throw new Error('expected urls');
    expect(urls.sub.auth).toEqual({
      type: 'password',
      username: 'viewer',
      password: { keep: true },
    });
  });

  it('names every bad field at once, in both languages', () => {
    const urls = buildBrandUrls(form({ address: 'user:pw@cam', channel: 0, username: '  ' }));
    expect(urls.ok).toBe(false);
    if (urls.ok) return;
    expect(urls.errors.map((e) => [e.field, e.code])).toEqual([
      ['address', 'invalid-address'],
      ['channel', 'invalid-channel'],
      ['username', 'required'],
    ]);
    expect(urls.errors[0]!.message.vi).toContain('địa chỉ IP');
    expect(urls.errors[0]!.message.en).toContain('IP address');
  });

  it('refuses a port outside 1–65535 and a channel that is not whole', () => {
    const urls = buildBrandUrls(form({ address: '10.0.0.2:70000', channel: 1.5 }));
    expect(urls.ok ? [] : urls.errors.map((e) => e.code)).toEqual([
      'invalid-port',
      'invalid-channel',
    ]);
  });
});
