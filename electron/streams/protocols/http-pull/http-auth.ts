// Builds the URL and headers for an HTTP(S)/WS(S) upstream from its endpoint settings.
// Runs in the main process only; the result never leaves it.
import type { AuthSettings } from '../../../settings/settings-model';
import { signNmsUrl } from './nms-sign';

export interface HttpRequestTarget {
  url: string;
  headers: Record<string, string>;
}

export function httpRequestTarget(url: string, auth: AuthSettings | undefined): HttpRequestTarget {
  const headers: Record<string, string> = {};
  if (!auth) return { url, headers };
  switch (auth.type) {
    case 'password':
      headers.Authorization =
        'Basic ' + Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
      return { url, headers };
    case 'bearer':
      headers.Authorization = `Bearer ${auth.token}`;
      return { url, headers };
    case 'nms-sign': {
      const signOptions = auth.ttlSeconds === undefined ? {} : { ttlSeconds: auth.ttlSeconds };
      return { url: signNmsUrl(url, auth.secret, signOptions), headers };
    }
  }
}
