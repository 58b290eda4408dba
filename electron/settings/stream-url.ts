// Which upstream a stream URL names, and why a URL cannot be used. Called once per endpoint,
// by the settings parser (validate-settings.ts); everything after it reads `endpoint.kind`.
import { redactUrl } from '../logging/redact-url';
import type { StreamUrlKind } from './settings-model';

/** The upstream kind for a URL, or null when it names nothing we know. */
function streamUrlKind(url: string): StreamUrlKind | null {
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
      return path.endsWith('.flv') ? 'http-flv' : path.endsWith('.ts') ? 'http-ts' : null;
    case 'ws:':
    case 'wss:':
      return path.endsWith('.flv') ? 'ws-flv' : null;
    default:
      return null;
  }
}

/** The kind of a URL this version plays, or a sentence for IT saying why it cannot. */
export function classifyStreamUrl(url: string): { kind: StreamUrlKind } | { problem: string } {
  const kind = streamUrlKind(url);
  if (kind !== null) return { kind };
  return {
    problem: `"${shorten(url)}" is not a stream URL this app plays. Use rtsp://host/path, rtsps://…, http(s)://host/app/name.flv, ws(s)://host/app/name.flv, http(s)://host/app/name.ts or demo:<clip>.`,
  };
}

function shorten(url: string): string {
  // The message is shown to IT and logged: it must not echo credentials (redactUrl), and a
  // long URL is cut so the sentence stays readable.
  const safe = redactUrl(url);
  return safe.length > 80 ? `${safe.slice(0, 77)}…` : safe;
}
