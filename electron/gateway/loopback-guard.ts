// The one check every loopback server of the wall makes before it answers: the video gateway
// and the preview host's API. Pure functions over the request's parts, unit-tested without
// sockets.
import { timingSafeEqual } from 'node:crypto';

export interface LoopbackPolicy {
  /** The port the server listens on, on 127.0.0.1. */
  port: number;
  /** The app's own page origins (app://wall in Electron, the preview host's origins). */
  allowedOrigins: readonly string[];
  /** The per-launch secret the request must carry. */
  secret: string;
}

export interface LoopbackRequest {
  host: string | undefined;
  origin: string | undefined;
  /** The secret the request carries (in its path), or null when it carries none. */
  secret: string | null;
}

export interface LoopbackVerdict {
  hostOk: boolean;
  originOk: boolean;
  secretOk: boolean;
}

/**
 * DNS rebinding: a hostile page that resolves its own name to 127.0.0.1 still sends its own
 * name in Host, so only the loopback names with our port pass.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const lower = host.toLowerCase();
  return lower === `127.0.0.1:${port}` || lower === `localhost:${port}`;
}

/** Exact match only: `app://wall.evil` or `app://wallx` is not `app://wall`. */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin !== undefined && allowed.includes(origin);
}

/** Compared in constant time, so response timing does not reveal how much of a guess was right. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function judgeLoopbackRequest(
  request: LoopbackRequest,
  policy: LoopbackPolicy,
): LoopbackVerdict {
  return {
    hostOk: isLoopbackHost(request.host, policy.port),
    originOk: isAllowedOrigin(request.origin, policy.allowedOrigins),
    secretOk: request.secret !== null && secretsEqual(request.secret, policy.secret),
  };
}
