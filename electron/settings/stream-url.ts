// Which upstream a stream URL names, and why a URL cannot be used.
import type { SourceKind } from '../contract/wall-contract';

export type StreamUrlKind = SourceKind | 'ws-flv';

/** The upstream kind for a URL, or null when we cannot play it. */
export function streamUrlKind(url: string): StreamUrlKind | null {
  if (/^demo:[a-z0-9-]+(\?.*)?$/.test(url)) return 'demo';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname.toLowerCase();
  switch (parsed.protocol) {
    case 'rtsp:':
    case 'rtsps:':
      return 'rtsp';
    case 'http:':
    case 'https:':
      return path.endsWith('.flv') ? 'flv' : path.endsWith('.ts') ? 'ts' : null;
    case 'ws:':
    case 'wss:':
      return path.endsWith('.flv') ? 'ws-flv' : null;
    default:
      return null;
  }
}

/** A sentence for IT when the URL cannot be used, else null. */
export function describeUrlProblem(url: string): string | null {
  const kind = streamUrlKind(url);
  if (kind === 'ts') {
    return `"${shorten(url)}" is an MPEG-TS stream, which this version does not play yet. Use the gateway's HTTP-FLV or WS-FLV URL (…/app/name.flv).`;
  }
  if (kind !== null) return null;
  return `"${shorten(url)}" is not a stream URL this app plays. Use rtsp://host/path, rtsps://…, http(s)://host/app/name.flv, ws(s)://host/app/name.flv or demo:<clip>.`;
}

function shorten(url: string): string {
  // Never echo credentials back into a log or a dialog: not the userinfo (a password may hold
  // '/' or '@'), not a query (tokens, signatures).
  const safe = url.replace(/\/\/.*@/s, '//***@').replace(/\?.*$/s, '?…');
  return safe.length > 80 ? `${safe.slice(0, 77)}…` : safe;
}
