import { describe, expect, it } from 'vitest';
import { httpRequestTarget } from '../../../../../electron/streams/protocols/http-pull/http-auth';

describe('httpRequestTarget', () => {
  it('passes the URL through with no headers when there is no auth', () => {
    expect(httpRequestTarget('http://gw/live/a.flv', undefined)).toEqual({
      url: 'http://gw/live/a.flv',
      headers: {},
    });
  });

  it('sends Basic credentials as base64 of user:password (UTF-8)', () => {
    const target = httpRequestTarget('http://gw/live/a.flv', {
      type: 'password',
      username: 'quản-trị',
      password: 'p:ss wörd',
    });
    expect(target.url).toBe('http://gw/live/a.flv');
    const encoded = target.headers.Authorization!.replace(/^Basic /, '');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('quản-trị:p:ss wörd');
  });

  it('sends a bearer token as an Authorization header, not in the URL', () => {
    const target = httpRequestTarget('https://gw/live/a.flv', { type: 'bearer', token: 'tok-123' });
    expect(target.headers).toEqual({ Authorization: 'Bearer tok-123' });
    expect(target.url).not.toContain('tok-123');
  });

  it('signs the URL for nms-sign, with the configured lifetime, and adds no header', () => {
    const before = Math.floor(Date.now() / 1000);
    const target = httpRequestTarget('http://gw/live/a.flv', {
      type: 'nms-sign',
      secret: 'k',
      ttlSeconds: 60,
    });
    expect(target.headers).toEqual({});
    const exp = Number(new URL(target.url).searchParams.get('sign')!.split('-')[0]);
    expect(exp).toBeGreaterThanOrEqual(before + 60);
    expect(exp).toBeLessThanOrEqual(before + 61);
  });
});
