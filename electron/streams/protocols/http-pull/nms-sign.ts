// Node-Media-Server signed play URLs: `?sign=<exp>-<md5("<streamPath>-<exp>-<secret>")>`,
// where streamPath is "/app/name" (the URL path without its .flv extension). The server checks
// the signature only when a play starts, so we sign afresh for every connection attempt;
// a long-lived connection is not cut when its signature expires.
import { createHash } from 'node:crypto';

export const DEFAULT_SIGN_TTL_SECONDS = 300;

export function nmsStreamPath(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Broken percent-encoding: sign the path as written rather than throw out of a connect.
  }
  return path.replace(/\.flv$/i, '');
}

export function nmsSignature(streamPath: string, expiresAtSec: number, secret: string): string {
  const hash = createHash('md5').update(`${streamPath}-${expiresAtSec}-${secret}`).digest('hex');
  return `${expiresAtSec}-${hash}`;
}

/** Returns a copy of `url` with a fresh `sign` query parameter. */
export function signNmsUrl(
  url: string,
  secret: string,
  options: { nowMs?: number; ttlSeconds?: number } = {},
): string {
  const parsed = new URL(url);
  const nowSec = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const expires = nowSec + (options.ttlSeconds ?? DEFAULT_SIGN_TTL_SECONDS);
  parsed.searchParams.set('sign', nmsSignature(nmsStreamPath(parsed), expires, secret));
  return parsed.toString();
}
