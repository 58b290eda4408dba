import { describe, expect, it } from 'vitest';
import {
  checkGatewayRequest,
  type GatewayPolicy,
  type GatewayRequestParts,
} from '../../../electron/gateway/gateway-checks';

const SECRET = 'a'.repeat(64);
const policy: GatewayPolicy = { port: 41234, secret: SECRET, allowedOrigins: ['app://wall'] };
const good: GatewayRequestParts = {
  path: `/${SECRET}/live/cam-1/sub.flv`,
  host: '127.0.0.1:41234',
  origin: 'app://wall',
};
const check = (change: Partial<GatewayRequestParts>) =>
  checkGatewayRequest({ ...good, ...change }, policy);

describe('checkGatewayRequest', () => {
  it('accepts the app’s own request and names camera and quality', () => {
    expect(check({})).toEqual({ ok: true, cameraId: 'cam-1', quality: 'sub' });
    expect(check({ path: `/${SECRET}/live/cam-1/main.flv` })).toMatchObject({ quality: 'main' });
  });

  it('accepts localhost:<port> and ignores a query string', () => {
    expect(check({ host: 'localhost:41234' })).toMatchObject({ ok: true });
    expect(check({ host: 'LOCALHOST:41234' })).toMatchObject({ ok: true });
    expect(check({ path: `${good.path}?t=1` })).toMatchObject({ ok: true });
  });

  it('decodes a percent-encoded camera id', () => {
    expect(check({ path: `/${SECRET}/live/c%E1%BA%A9m-1/sub.flv` })).toMatchObject({
      cameraId: 'cẩm-1',
    });
  });

  it('refuses a wrong secret of the right length', () => {
    expect(check({ path: `/${'b'.repeat(64)}/live/cam-1/sub.flv` })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses a secret of the wrong length without throwing', () => {
    for (const secret of ['', 'a', SECRET.slice(1), `${SECRET}a`, 'é'.repeat(32)]) {
      expect(check({ path: `/${secret}/live/cam-1/sub.flv` })).toMatchObject({
        ok: false,
        status: 403,
      });
    }
  });

  it('refuses a foreign or missing Origin', () => {
    expect(check({ origin: 'https://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: 'null' })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: undefined })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a rebinding Host, another port or no Host', () => {
    for (const host of [
      'evil.example',
      'evil.example:41234',
      '127.0.0.1:1',
      '127.0.0.1',
      undefined,
    ]) {
      expect(check({ host })).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('checks Host and Origin before it says anything about the secret', () => {
    const decision = check({ host: 'evil.example', path: '/wrong/live/x/sub.flv' });
    expect(decision).toMatchObject({ ok: false, reason: expect.stringContaining('Host') });
  });

  it('refuses other paths and qualities', () => {
    for (const path of [
      '/',
      `/${SECRET}`,
      `/${SECRET}/live/cam-1/hd.flv`,
      `/${SECRET}/live/cam-1/sub.ts`,
      `/${SECRET}/live//sub.flv`,
      `/${SECRET}/live/a/b/sub.flv`,
      `/${SECRET}/../live/cam-1/sub.flv`,
    ]) {
      expect(check({ path }), path).toMatchObject({ ok: false });
    }
  });

  it('answers 404, not an exception, for broken percent-encoding in the camera id', () => {
    expect(() => check({ path: `/${SECRET}/live/%E0%A4%A/sub.flv` })).not.toThrow();
    expect(check({ path: `/${SECRET}/live/%E0%A4%A/sub.flv` })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('never echoes the secret in a refusal reason', () => {
    const decision = check({ origin: 'https://evil.example' });
    expect(JSON.stringify(decision)).not.toContain(SECRET);
  });
});
