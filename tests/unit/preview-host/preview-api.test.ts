// The preview API's door: the same loopback guard as the gateway, over its own path.
import { describe, expect, it } from 'vitest';
import type { LoopbackPolicy } from '../../../electron/gateway/loopback-guard';
import {
  checkPreviewApiRequest,
  type PreviewApiRequestParts,
} from '../../../electron/preview-host/preview-api';

const PORT = 4780;
const SECRET = 'c'.repeat(64);
const policy: LoopbackPolicy = {
  port: PORT,
  allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
  secret: SECRET,
};
const good: PreviewApiRequestParts = {
  path: `/api/${SECRET}`,
  host: `127.0.0.1:${PORT}`,
  origin: `http://127.0.0.1:${PORT}`,
};
const check = (change: Partial<PreviewApiRequestParts>) =>
  checkPreviewApiRequest({ ...good, ...change }, policy);

describe('checkPreviewApiRequest', () => {
  it('accepts the preview page, by either loopback name', () => {
    expect(check({})).toEqual({ hostOk: true, originOk: true, secretOk: true });
    expect(check({ host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` })).toEqual({
      hostOk: true,
      originOk: true,
      secretOk: true,
    });
  });

  it('refuses a look-alike or neighbouring Origin', () => {
    for (const origin of [
      `http://127.0.0.1:${PORT + 1}`,
      `http://127.0.0.1:${PORT}.evil.example`,
      'app://wall',
      'http://evil.example',
      undefined,
    ]) {
      expect(check({ origin }).originOk, String(origin)).toBe(false);
    }
  });

  it('refuses a rebinding Host or another port', () => {
    for (const host of [
      'evil.example',
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      undefined,
    ]) {
      expect(check({ host }).hostOk, String(host)).toBe(false);
    }
  });

  it('refuses a wrong secret of the right length, a missing one, or anything after it', () => {
    for (const path of [
      `/api/${'d'.repeat(64)}`,
      '/api/',
      `/api/${SECRET}?x=1`,
      `/api/${SECRET}/`,
      `/${SECRET}`,
      `/apix/${SECRET}`,
    ]) {
      expect(check({ path }).secretOk, path).toBe(false);
    }
  });
});
