// The checks every request to the loopback gateway passes before a byte of video flows: the
// loopback guard (Host, Origin, secret) and the stream path. Pure functions over the request's
// parts, so they are unit-tested without sockets.
import { parseStreamPath, type StreamFormat } from '../contract/stream-path';
import type { Quality } from '../contract/wall-contract';
import { judgeLoopbackRequest } from './loopback-guard';

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
  | { ok: true; cameraId: string; quality: Quality; replaySeconds?: number; format?: StreamFormat }
  | { ok: false; status: 403 | 404; reason: string };

export function checkGatewayRequest(
  parts: GatewayRequestParts,
  policy: GatewayPolicy,
): GatewayDecision {
  const stream = parseStreamPath(parts.path);
  const verdict = judgeLoopbackRequest(
    { host: parts.host, origin: parts.origin, secret: stream?.secret ?? null },
    policy,
  );
  // Host and Origin first: a foreign page learns nothing about the secret.
  if (!verdict.hostOk) {
    return { ok: false, status: 403, reason: `Host '${parts.host ?? ''}' is not the gateway` };
  }
  if (!verdict.originOk) {
    return { ok: false, status: 403, reason: `Origin '${parts.origin ?? ''}' is not the app` };
  }
  if (!stream || !verdict.secretOk) {
    return { ok: false, status: 403, reason: 'the secret in the path is wrong or missing' };
  }
  if (stream.cameraId === null) {
    return { ok: false, status: 404, reason: 'the camera id is not valid' };
  }
  const { cameraId, quality, replaySeconds, format } = stream;
  if (replaySeconds !== undefined && format === 'au') {
    return { ok: false, status: 404, reason: 'a replay is served as FLV only' };
  }
  if (format === 'au') return { ok: true, cameraId, quality, format };
  return replaySeconds === undefined
    ? { ok: true, cameraId, quality }
    : { ok: true, cameraId, quality, replaySeconds };
}
