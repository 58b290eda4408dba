// The checks every request to the loopback gateway passes before a byte of video flows.
// Pure functions over the request's parts, so they are unit-tested without sockets.
import { timingSafeEqual } from 'node:crypto';
import type { Quality } from '../contract/wall-contract';

export interface GatewayRequestParts {
  path: string;
  host: string | undefined;
  origin: string | undefined;
}

export interface GatewayPolicy {
  port: number;
  secret: string;
  /** Origins of the app's own pages (app://wall in Electron, the preview host's origin). */
  allowedOrigins: readonly string[];
}

export type GatewayDecision =
  | { ok: true; cameraId: string; quality: Quality }
  | { ok: false; status: 403 | 404; reason: string };

const STREAM_PATH = /^\/([^/]+)\/live\/([^/]+)\/(main|sub)\.flv$/;

export function checkGatewayRequest(
  parts: GatewayRequestParts,
  policy: GatewayPolicy,
): GatewayDecision {
  // DNS rebinding: a hostile page that resolves its own name to 127.0.0.1 still sends its
  // own name in Host.
  const allowedHosts = [`127.0.0.1:${policy.port}`, `localhost:${policy.port}`];
  if (!parts.host || !allowedHosts.includes(parts.host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host '${parts.host ?? ''}' is not the gateway` };
  }
  if (!parts.origin || !policy.allowedOrigins.includes(parts.origin)) {
    return { ok: false, status: 403, reason: `Origin '${parts.origin ?? ''}' is not the app` };
  }
  const match = STREAM_PATH.exec(parts.path.split('?')[0] ?? '');
  if (!match || !secretsEqual(match[1] ?? '', policy.secret)) {
    return { ok: false, status: 403, reason: 'the secret in the path is wrong or missing' };
  }
  let cameraId: string;
  try {
    cameraId = decodeURIComponent(match[2] ?? '');
  } catch {
    return { ok: false, status: 404, reason: 'the camera id is not valid' };
  }
  return { ok: true, cameraId, quality: match[3] as Quality };
}

function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
