import { describe, expect, it } from 'vitest';
import {
  isAllowedOrigin,
  isLoopbackHost,
  judgeLoopbackRequest,
  secretsEqual,
  type LoopbackPolicy,
  type LoopbackRequest,
} from '../../../electron/gateway/loopback-guard';

const PORT = 41234;
const SECRET = 'a'.repeat(64);
const policy: LoopbackPolicy = { port: PORT, allowedOrigins: ['app://wall'], secret: SECRET };
const good: LoopbackRequest = { host: `127.0.0.1:${PORT}`, origin: 'app://wall', secret: SECRET };
const judge = (change: Partial<LoopbackRequest>, p: LoopbackPolicy = policy) =>
  judgeLoopbackRequest({ ...good, ...change }, p);

describe('the loopback guard', () => {
  it('lets the app’s own request through', () => {
    expect(judge({})).toEqual({ hostOk: true, originOk: true, secretOk: true });
    expect(judge({ host: `localhost:${PORT}` })).toMatchObject({ hostOk: true });
  });

  it('takes Host only as 127.0.0.1:<port> or localhost:<port>', () => {
    expect(isLoopbackHost(`LOCALHOST:${PORT}`, PORT)).toBe(true);
    for (const host of [
      'evil.example',
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      `localhost:${PORT}0`,
      `127.0.0.2:${PORT}`,
      `[::1]:${PORT}`,
      '127.0.0.1',
      '',
      undefined,
    ]) {
      expect(isLoopbackHost(host, PORT), String(host)).toBe(false);
      expect(judge({ host }).hostOk, String(host)).toBe(false);
    }
  });

  it('takes Origin only as one of the allowed origins, exactly', () => {
    for (const origin of [
      'app://wall.evil',
      'app://wallx',
      'app://wal',
      'app://wall/',
      'APP://WALL',
      'https://evil.example',
      'null',
      '',
      undefined,
    ]) {
      expect(isAllowedOrigin(origin, ['app://wall']), String(origin)).toBe(false);
      expect(judge({ origin }).originOk, String(origin)).toBe(false);
    }
  });

  it('refuses a neighbouring port’s page as Origin', () => {
    const preview: LoopbackPolicy = {
      ...policy,
      allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
    };
    expect(judge({ origin: `http://127.0.0.1:${PORT}` }, preview).originOk).toBe(true);
    for (const origin of [
      `http://127.0.0.1:${PORT + 1}`,
      `http://localhost:${PORT + 1}`,
      `http://127.0.0.1:${PORT}0`,
      `https://127.0.0.1:${PORT}`,
    ]) {
      expect(judge({ origin }, preview).originOk, origin).toBe(false);
    }
  });

  it('refuses a secret of the right length that is wrong, a missing one, and other lengths', () => {
    expect(judge({ secret: 'b'.repeat(64) }).secretOk).toBe(false);
    expect(judge({ secret: `${'a'.repeat(63)}b` }).secretOk).toBe(false);
    expect(judge({ secret: null }).secretOk).toBe(false);
    for (const secret of ['', 'a', SECRET.slice(1), `${SECRET}a`, 'é'.repeat(32)]) {
      expect(() => secretsEqual(secret, SECRET)).not.toThrow();
      expect(judge({ secret }).secretOk, secret).toBe(false);
    }
  });

  it('judges each part on its own, so a refusal can say which failed', () => {
    expect(judge({ host: 'evil.example', origin: 'app://wallx', secret: null })).toEqual({
      hostOk: false,
      originOk: false,
      secretOk: false,
    });
  });
});
