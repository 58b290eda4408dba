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
