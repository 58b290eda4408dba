// Serves the built renderer (out/renderer) with the same Content-Security-Policy the Electron
// window uses (content-security-policy.ts), so the preview behaves like the app.
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { extname } from 'node:path';
import { isLoopbackHost } from '../gateway/loopback-guard';
import { cacheControlFor, containedStaticPath } from '../gateway/static-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function serveStatic(
  root: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  csp: string,
  port: number,
): Promise<void> {
  // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
  if (!isLoopbackHost(request.headers.host, port)) {
    response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden\n');
    return;
  }
  const file = containedStaticPath(root, request.url ?? '/');
  if (file === null) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cacheControlFor(request.url ?? '/'),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
  }
}
