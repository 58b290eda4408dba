// URLs appear in logs, status details and messages for IT; credentials must never do so.
// An allow-list, not a list of secret names: gateways and CDNs invent their own parameter
// names (auth_key, txSecret, apikey, sig…), so every query value is hidden and only what
// identifies the stream is kept: scheme, host, port and path. Userinfo is dropped entirely.
// The one redaction in the app; imports nothing but the platform.

const MASK = '***';

/** Keeps scheme, host, port, path and query parameter names; hides the rest. Never throws. */
export function redactUrl(raw: string): string {
  // Userinfo ends at the LAST '@' before the query: a password may hold '/' or '@', which a
  // URL parser would take for the start of the path and so leave part of it in view. (A path
  // holding '@' loses what precedes it here; a log line may be vaguer, never leakier.)
  const head = raw.split(/[?#]/, 1)[0] ?? '';
  const at = head.lastIndexOf('@');
  const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(raw)?.[0] ?? '';
  const rest = at >= 0 ? raw.slice(at + 1) : raw.slice(scheme.length);
  let url: URL;
  try {
    url = new URL(scheme + rest);
  } catch {
    // Not a URL (a typo in the configuration): mask what stood before the '@', and every
    // query value.
    return `${scheme}${at >= 0 ? `${MASK}@` : ''}${maskedQueryIn(rest)}`;
  }
  // `demo:clip-1` has no authority; `rtsp://h/x` has one (even when the host is empty).
  const authority = url.href.startsWith(`${url.protocol}//`) ? `//${url.host}` : '';
  return `${url.protocol}${authority}${url.pathname}${maskQuery(url.search)}`;
}

/** Redacts every URL inside free text (an error message that quotes the URL it refused). */
export function redactUrlsIn(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => redactUrl(url));
}

function maskedQueryIn(text: string): string {
  const query = text.indexOf('?');
  return query < 0 ? text : text.slice(0, query) + maskQuery(text.slice(query));
}

/** `?a=1&b=2#x` → `?a=***&b=***`. A bare parameter may itself be a token: it is masked too. */
function maskQuery(search: string): string {
  const query = search.replace(/^\?/, '').replace(/#.*$/s, '');
  if (query === '') return '';
  const parts = query.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? MASK : `${part.slice(0, eq)}=${MASK}`;
  });
  return `?${parts.join('&')}`;
}
