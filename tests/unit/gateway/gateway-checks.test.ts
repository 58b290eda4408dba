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

  it('accepts the access-unit format live, with the same checks, and refuses it for a replay', () => {
    const au = `/${SECRET}/live/cam-1/sub.au`;
    expect(check({ path: au })).toEqual({
      ok: true,
      cameraId: 'cam-1',
      quality: 'sub',
      format: 'au',
    });
    expect(check({ path: au, origin: 'http://evil.example' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(check({ path: au.replace(SECRET, 'b'.repeat(64)) })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(check({ path: `/${SECRET}/replay/10/cam-1/sub.au` })).toEqual({
      ok: false,
      status: 404,
      reason: 'a replay is served as FLV only',
    });
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
  // Look-alikes a hostile page (or a DNS-rebinding one) could send. The loopback guard's own
  // tests cover its functions; these go through the gateway's decision, status and reason.
  it('refuses Origin look-alikes of app://wall, naming the Origin', () => {
    for (const origin of [
      'app://wall.evil',
      'app://wallx',
      'app://wall:1',
      'app://wall/',
      'app://wall ',
      'app://user@wall',
      'APP://wall',
      'App://wall',
      'app://WALL',
      'app://wal',
      'app:wall',
      'app://wall\n',
      `http://127.0.0.1:${policy.port}`,
      `http://127.0.0.1:${policy.port + 1}`,
      `http://localhost:${policy.port - 1}`,
      '',
    ]) {
      expect(check({ origin }), JSON.stringify(origin)).toEqual({
        ok: false,
        status: 403,
        reason: `Origin '${origin}' is not the app`,
      });
    }
  });

  it('accepts a preview origin only on its own port', () => {
    const preview = { ...policy, allowedOrigins: ['http://127.0.0.1:4780'] };
    const at = (origin: string) => checkGatewayRequest({ ...good, origin }, preview);
    expect(at('http://127.0.0.1:4780')).toMatchObject({ ok: true });
    for (const origin of [
      'http://127.0.0.1:4781',
      'http://127.0.0.1:478',
      'http://127.0.0.1:47800',
      'http://127.0.0.1:4780/',
      'https://127.0.0.1:4780',
      'HTTP://127.0.0.1:4780',
      'http://localhost:4780',
    ]) {
      expect(at(origin), origin).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses Host look-alikes of 127.0.0.1:<port> and localhost:<port>, naming the Host', () => {
    const port = policy.port;
    for (const host of [
      `127.0.0.1:${port + 1}`,
      `127.0.0.1:${port - 1}`,
      `127.0.0.1:${port}0`,
      `127.0.0.1:0${port}`,
      `127.0.0.1:${port}.evil.example`,
      `127.0.0.1.evil.example:${port}`,
      `127.0.0.1.:${port}`,
      `localhost.:${port}`,
      `evil.localhost:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `0x7f.0.0.1:${port}`,
      `127.0.0.2:${port}`,
      `[::1]:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `0.0.0.0:${port}`,
      ` 127.0.0.1:${port}`,
      `127.0.0.1:${port} `,
      `user@127.0.0.1:${port}`,
      'localhost',
      '',
    ]) {
      expect(check({ host }), JSON.stringify(host)).toEqual({
        ok: false,
        status: 403,
        reason: `Host '${host}' is not the gateway`,
      });
    }
  });

  it('says which part it refused: Host, Origin, secret or camera id', () => {
    expect(check({ host: undefined })).toEqual({
      ok: false,
      status: 403,
      reason: "Host '' is not the gateway",
    });
    expect(check({ origin: undefined })).toEqual({
      ok: false,
      status: 403,
      reason: "Origin '' is not the app",
    });
    expect(check({ path: `/${'b'.repeat(64)}/live/cam-1/sub.flv` })).toEqual({
      ok: false,
      status: 403,
      reason: 'the secret in the path is wrong or missing',
    });
    expect(check({ path: '/' })).toEqual({
      ok: false,
      status: 403,
      reason: 'the secret in the path is wrong or missing',
    });
    expect(check({ path: `/${SECRET}/live/%E0%A4%A/sub.flv` })).toEqual({
      ok: false,
      status: 404,
      reason: 'the camera id is not valid',
    });
  });

  it('checks Origin before the secret, so a foreign page cannot probe secrets', () => {
    expect(check({ origin: 'app://wallx', path: '/wrong/live/x/sub.flv' })).toMatchObject({
      reason: expect.stringContaining('Origin'),
    });
  });
});
