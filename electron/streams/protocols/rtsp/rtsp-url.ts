// RTSP URLs: credentials come out of the URL before anything is sent or logged, and control
// attributes from the SDP are resolved the way cameras expect (which is not always RFC 3986).

export interface RtspTarget {
  /** The request URL, without user:pass@. */
  url: string;
  /** Host name as given to net/tls (no IPv6 brackets). */
  host: string;
  port: number;
  secure: boolean;
  username?: string;
  password?: string;
}

/** Parses rtsp:// or rtsps://; credentials embedded in the URL are percent-decoded. */
export function parseRtspUrl(raw: string): RtspTarget | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return { error: 'the address is not a valid URL' };
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'rtsp:' && scheme !== 'rtsps:') {
    return { error: `the address starts with ${scheme} instead of rtsp:// or rtsps://` };
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return { error: 'the address has no host' };
  const secure = scheme === 'rtsps:';
  const port = parsed.port === '' ? (secure ? 322 : 554) : Number(parsed.port);
  const username = parsed.username === '' ? undefined : safeDecode(parsed.username);
  const password = parsed.password === '' ? undefined : safeDecode(parsed.password);
  return {
    url: stripUserinfo(parsed.toString()),
    host,
    port,
    secure,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
  };
}

/**
 * The URL as sent on the wire: credentials out, everything else (query included) kept, which
 * is why this is not logging/redact-url.ts (that one hides query values, for logs).
 */
function stripUserinfo(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The base URL for control attributes: Content-Base, else Content-Location, else the
 * DESCRIBE URL (RFC 2326 C.1.1), then a session-level a=control if it is not '*'.
 */
export function controlBase(
  requestUrl: string,
  contentBase: string | undefined,
  contentLocation: string | undefined,
  sessionControl: string | undefined,
): string {
  const base = stripUserinfo(contentBase?.trim() || contentLocation?.trim() || requestUrl);
  if (sessionControl === undefined || sessionControl.trim() === '*') return base;
  return resolveControl(base, sessionControl);
}

/**
 * Resolves a media a=control. Absolute URLs are used as they are; '*' or nothing means the
 * base itself. A relative control is appended below the base with one '/', as ffmpeg and
 * GStreamer do: cameras send "trackID=1" with a base like rtsp://h/Streaming/Channels/101,
 * and plain RFC 3986 resolution would drop the last path segment.
 */
export function resolveControl(base: string, control: string | undefined): string {
  const c = control?.trim();
  if (c === undefined || c === '' || c === '*') return base;
  if (/^rtsps?:\/\//i.test(c)) return stripUserinfo(c);
  if (c.startsWith('/')) {
    try {
      return new URL(c, base).toString();
    } catch {
      return base;
    }
  }
  // Appended to the whole base, query included: Dahua's base is ".../realmonitor?channel=1
  // &subtype=0/" and its tracks live at "...subtype=0/trackID=0", and ffmpeg does the same.
  return (base.endsWith('/') ? base : `${base}/`) + c;
}
