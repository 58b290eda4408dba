// Credentials written into a URL (rtsp://user:pass@host/…) move into `auth`, so that they can
// be protected like the others and never travel inside a URL. Used by the version 1 → 2
// migration and by --protect-config.

/** rtsp://user:pass@host/… → rtsp://host/… with `auth` (unless the endpoint already has one). */
export function liftUserInfo<E extends { url?: unknown; auth?: unknown }>(endpoint: E): E {
  if (typeof endpoint.url !== 'string') return endpoint;
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return endpoint;
  }
  if (url.username === '' && url.password === '') return endpoint;
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return {
    ...endpoint,
    url: url.toString(),
    auth: endpoint.auth ?? { type: 'password', username, password },
  };
}
