// Builds the URL and headers for an HTTP(S)/WS(S) upstream from its endpoint settings.
// Runs in the main process only; the result never leaves it.
import type { AuthSettings } from '../../../settings/settings-model';
import { signNmsUrl } from './nms-sign';

export interface HttpRequestTarget {
  url: string;
  headers: Record<string, string>;
}

/**
 * `withCredentials: false` is for a redirect to another host: the URL goes as the server
 * gave it, with no Authorization, no userinfo and no signature of ours.
 */
export function httpRequestTarget(
  url: string,
  auth: AuthSettings | undefined,
  options: { withCredentials?: boolean } = {},
): HttpRequestTarget {
  const headers: Record<string, string> = {};
  const { bare, userinfo } = splitUserinfo(url);
  if (options.withCredentials === false) return { url: bare, headers };
  const basicAuth = auth ?? userinfo;
  if (!basicAuth) return { url: bare, headers };
  switch (basicAuth.type) {
    case 'password':
      headers.Authorization =
        'Basic ' +
        Buffer.from(`${basicAuth.username}:${basicAuth.password}`, 'utf8').toString('base64');
      return { url: bare, headers };
    case 'bearer':
      headers.Authorization = `Bearer ${basicAuth.token}`;
      return { url: bare, headers };
    case 'nms-sign': {
      const signOptions =
        basicAuth.ttlSeconds === undefined ? {} : { ttlSeconds: basicAuth.ttlSeconds };
      return { url: signNmsUrl(bare, basicAuth.secret, signOptions), headers };
    }
  }
}

/**
 * user:password@ in an http(s)/ws(s) URL becomes an explicit Basic header, so that the
 * cleartext rule (see cleartext-guard.ts) and redirects treat it like `auth`, instead of Node
 * sending it on its own.
 */
export function splitUserinfo(url: string): {
  bare: string;
  userinfo?: Extract<AuthSettings, { type: 'password' }>;
} {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { bare: url };
  }
  if (parsed.username === '' && parsed.password === '') return { bare: url };
  const username = safeDecode(parsed.username);
  const password = safeDecode(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { bare: parsed.toString(), userinfo: { type: 'password', username, password } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
