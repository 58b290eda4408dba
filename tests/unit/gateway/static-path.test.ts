import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, containedStaticPath } from '../../../electron/gateway/static-path';

const ROOT = resolve('/srv/wall/out/renderer');

describe('containedStaticPath', () => {
  it('serves index.html for / and files under the root', () => {
    expect(containedStaticPath(ROOT, '/')).toBe(join(ROOT, 'index.html'));
    expect(containedStaticPath(ROOT, '/assets/index-1.js')).toBe(
      join(ROOT, 'assets', 'index-1.js'),
    );
    expect(containedStaticPath(ROOT, '/index.html?display=1')).toBe(join(ROOT, 'index.html'));
    expect(containedStaticPath(ROOT, '/a%20b.css')).toBe(join(ROOT, 'a b.css'));
  });

  it('refuses .. out of the root', () => {
    for (const path of ['/../settings.json', '/assets/../../x', '/..', '/assets/../..']) {
      expect(containedStaticPath(ROOT, path), path).toBeNull();
    }
  });

  it('refuses encoded traversal', () => {
    for (const path of [
      '/%2e%2e/settings.json',
      '/%2E%2E/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fx',
      '/..%2f..%2fetc%2fpasswd',
    ]) {
      expect(containedStaticPath(ROOT, path), path).toBeNull();
    }
  });

  it('keeps an absolute path inside the root rather than serving it', () => {
    expect(containedStaticPath(ROOT, '//etc/passwd')).toBe(join(ROOT, 'etc', 'passwd'));
    expect(containedStaticPath(ROOT, '/%2Fetc%2Fpasswd')).toBe(join(ROOT, 'etc', 'passwd'));
  });

  it('refuses the root itself and broken percent-encoding, without throwing', () => {
    expect(containedStaticPath(ROOT, '/.')).toBeNull();
    expect(containedStaticPath(ROOT, '/%E0%A4%A')).toBeNull();
  });

  it('refuses a sibling folder whose name starts like the root', () => {
    expect(containedStaticPath(ROOT, '/../renderer-evil/x.js')).toBeNull();
  });
});

describe('cacheControlFor', () => {
  it('caches the content-hashed bundle for good', () => {
    for (const path of [
      '/assets/index-D9InLxAG.js',
      '/assets/fmp4-worker-CTjo-niV.js',
      '/assets/mpegts-engine-BaMfLsYG.js',
      '/assets/index-CeTrnycH.css',
      '/assets/index-D9InLxAG.js?v=1',
    ]) {
      expect(cacheControlFor(path), path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('never caches the page or a file whose name has no hash', () => {
    for (const path of [
      '/',
      '/index.html',
      '/index.html?display=1',
      '/early-start.js',
      '/assets/index.js',
      '/assets/sub/index-D9InLxAG.js',
      '/assets/index-D9InLxAG.json',
    ]) {
      expect(cacheControlFor(path), path).toBe('no-store');
    }
  });
});
