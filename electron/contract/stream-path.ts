// Where a tile's video lives on the loopback gateway, built by main (the base it hands the
// renderer) and the renderer (one URL per tile), and parsed by the gateway. The path is
// /<secret>/live/<cameraId>/<quality>.flv, the camera id percent-encoded. An instant replay of
// the last N seconds is /<secret>/replay/<N>/<cameraId>/<quality>.flv. The same live path
// ending in .au carries access units instead of FLV (access-unit-wire.ts), for tiles that
// decode with WebCodecs; replays are FLV only.
import type { Quality } from './wall-contract';

const LIVE_SEGMENT = 'live';
const STREAM_PATH = /^\/([^/]+)\/(?:live|replay\/(\d{1,3}))\/([^/]+)\/(main|sub)\.(flv|au)$/;

/** FLV for mpegts.js, or access units for the WebCodecs engine. */
export type StreamFormat = 'flv' | 'au';

/** The gateway's base URL for the renderer, holding the per-launch secret. */
export function gatewayBaseUrl(port: number, secret: string): string {
  return `ws://127.0.0.1:${port}/${secret}/${LIVE_SEGMENT}`;
}

/** A tile's stream URL: `${base}/${cameraId}/${quality}.flv`. */
export function streamUrl(gatewayBase: string, cameraId: string, quality: Quality): string {
  return `${gatewayBase.replace(/\/+$/, '')}/${encodeURIComponent(cameraId)}/${quality}.flv`;
}

/** The same live stream as access units: a tile's FLV URL with .au for .flv. */
export function accessUnitUrl(flvUrl: string): string {
  return flvUrl.replace(/\.flv(?=$|\?)/, '.au');
}

/** An instant replay of the last `seconds` of a tile's stream (from main's replay buffer). */
export function replayUrl(
  gatewayBase: string,
  cameraId: string,
  quality: Quality,
  seconds: number,
): string {
  const base = gatewayBase.replace(/\/+$/, '').replace(/\/live$/, `/replay/${Math.round(seconds)}`);
  return streamUrl(base, cameraId, quality);
}

export interface ParsedStreamPath {
  /** The secret as given; the gateway compares it, timing-safe. */
  secret: string;
  /** Null when the id's percent-encoding is broken. */
  cameraId: string | null;
  quality: Quality;
  /** Set for a replay path: how many seconds back it starts. */
  replaySeconds?: number;
  /** Set (to 'au') only for the access-unit format; FLV otherwise. */
  format?: StreamFormat;
}

/** Parses a request path (a query string is ignored); null when it is not a stream path. */
export function parseStreamPath(path: string): ParsedStreamPath | null {
  const match = STREAM_PATH.exec(path.split('?')[0] ?? '');
  if (!match) return null;
  let cameraId: string | null;
  try {
    cameraId = decodeURIComponent(match[3] ?? '');
  } catch {
    cameraId = null;
  }
  const parsed: ParsedStreamPath = {
    secret: match[1] ?? '',
    cameraId,
    quality: match[4] as Quality,
  };
  if (match[5] === 'au') parsed.format = 'au';
  if (match[2] !== undefined) parsed.replaySeconds = Number(match[2]);
  return parsed;
}

/**
 * One key per upstream session (camera + quality): the renderer's status map uses it, and so
 * may the broker. The separator cannot occur in a configured camera id.
 */
export function streamKey(cameraId: string, quality: Quality): string {
  return `${cameraId}|${quality}`;
}
