// Serves the renderer from app://wall/ instead of file://, so the page has a real origin
// (the gateway checks it) and a Content-Security-Policy header on every response.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../gateway/content-security-policy';
import { cacheControlFor, containedStaticPath } from '../gateway/static-path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://wall';

/**
 * What app:// may do. `codeCache`: Chromium keeps V8's compiled code only for http(s) unless a
 * scheme asks for it, and without it every window start and crash restart compiles the whole
 * bundle again. Exported for the seam test. Must be registered before app is ready.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export function serveRenderer(rendererDir: string, gatewayOrigin: () => string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'wall') return new Response('Not found', { status: 404 });
    const file = containedStaticPath(rendererDir, url.pathname);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy(gatewayOrigin()));
    headers.set('Cache-Control', cacheControlFor(url.pathname));
    return new Response(response.body, { status: response.status, headers });
  });
}
