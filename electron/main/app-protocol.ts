// Serves the renderer from app://wall/ instead of file://, so the page has a real origin
// (the gateway checks it) and a Content-Security-Policy header on every response.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../gateway/content-security-policy';
import { containedStaticPath } from '../gateway/static-path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://wall';

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
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
    return new Response(response.body, { status: response.status, headers });
  });
}
