import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGN_TTL_SECONDS,
  nmsSignature,
  nmsStreamPath,
  signNmsUrl,
} from '../../../../../electron/streams/protocols/http-pull/nms-sign';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const NOW = Date.UTC(2025, 2, 1, 8, 0, 0);

describe('Node-Media-Server signed URLs', () => {
  it('uses the URL path without .flv as the stream path', () => {
    expect(nmsStreamPath(new URL('http://gw:8000/live/cam1.flv'))).toBe('/live/cam1');
    expect(nmsStreamPath(new URL('ws://gw:8000/live/cam1.FLV?x=1'))).toBe('/live/cam1');
  });

  it('signs as <exp>-md5("<path>-<exp>-<secret>")', () => {
    expect(nmsSignature('/live/cam1', 1_700_000_000, 's3cret')).toBe(
      `1700000000-${md5('/live/cam1-1700000000-s3cret')}`,
    );
  });

  it('adds a sign parameter that expires ttl seconds from now', () => {
    const signed = new URL(
      signNmsUrl('http://gw:8000/live/cam1.flv', 'k', { nowMs: NOW, ttlSeconds: 60 }),
    );
    const exp = NOW / 1000 + 60;
    expect(signed.searchParams.get('sign')).toBe(`${exp}-${md5(`/live/cam1-${exp}-k`)}`);
    expect(signed.pathname).toBe('/live/cam1.flv');
  });

  it('defaults to a 5-minute lifetime', () => {
    const signed = new URL(signNmsUrl('http://gw/live/a.flv', 'k', { nowMs: NOW }));
    const exp = Number(signed.searchParams.get('sign')!.split('-')[0]);
    expect(exp).toBe(NOW / 1000 + DEFAULT_SIGN_TTL_SECONDS);
  });

  it('replaces an old sign parameter and keeps the others', () => {
    const signed = new URL(
      signNmsUrl('http://gw/live/a.flv?foo=1&sign=0-stale', 'k', { nowMs: NOW }),
    );
    expect(signed.searchParams.getAll('sign')).toHaveLength(1);
    expect(signed.searchParams.get('sign')).not.toBe('0-stale');
    expect(signed.searchParams.get('foo')).toBe('1');
  });

  it('signs afresh on every call (a new expiry for every connection attempt)', () => {
    const first = signNmsUrl('http://gw/live/a.flv', 'k', { nowMs: NOW });
    const later = signNmsUrl('http://gw/live/a.flv', 'k', { nowMs: NOW + 7_000 });
    expect(first).not.toBe(later);
    const exp = (url: string) => Number(new URL(url).searchParams.get('sign')!.split('-')[0]);
    expect(exp(later) - exp(first)).toBe(7);
  });

  it('does not throw on a path with broken percent-encoding', () => {
    expect(() => signNmsUrl('http://gw/live/%E0%A4.flv', 'k')).not.toThrow();
  });

  it('never puts the secret itself in the URL', () => {
    expect(signNmsUrl('http://gw/live/a.flv', 'super-secret-key')).not.toContain(
      'super-secret-key',
    );
  });
});
