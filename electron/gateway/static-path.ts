// Maps a URL path to a file under the renderer's folder, for both servers of the built
// renderer (Electron's app:// protocol and the preview host). One function, so `..`, encoded
// `%2e%2e` and absolute paths are refused the same way everywhere.
import { isAbsolute, join, relative, sep } from 'node:path';

/** The file for `urlPath` inside `root` ('/' is index.html), or null when it is not inside. */
export function containedStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const wanted = decoded === '/' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const file = join(root, wanted);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return null;
  }
  return file;
}

/** Vite's content-hashed output (assets/index-D9InLxAG.js): its bytes never change under a name. */
const HASHED_ASSET = /^\/?assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2|svg|png)$/;

/**
 * Cache-Control for a file of the built renderer. Hashed assets are immutable, so a wall that
 * reloads (a crash restart, each further window of the PC) reads its bundle from the cache and
 * Chromium can keep V8's compiled code for it instead of compiling ~400 kB again each time;
 * index.html and the unhashed files are never cached, so an update is picked up at the next
 * load.
 */
export function cacheControlFor(urlPath: string): string {
  const path = urlPath.split('?')[0] ?? '/';
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-store';
}
