// Which redirects a pull may follow (HTTP-FLV, HTTP-TS, WS-FLV handshakes, RTSP DESCRIBE).
// A gateway may move a stream within itself; leaving the host needs the camera's
// `allowRedirectTo`, because a redirect is also how a hijacked or misconfigured server would
// collect the credentials of every wall that trusts it. Credentials follow a redirect only
// to the same host and port, and never from a TLS scheme down to a cleartext one.
import type { FailureReason } from '../../contract/wall-contract';
import { redactUrl } from '../../logging/redact-url';
import type { SourceFailure } from '../core/source';

export const MAX_REDIRECTS = 3;

export type RedirectStep =
  { ok: true; url: string; sameHost: boolean } | { ok: false; failure: SourceFailure };

const SECURE = new Set(['https:', 'wss:', 'rtsps:']);
const DEFAULT_PORT: Record<string, string> = {
  'http:': '80',
  'ws:': '80',
  'https:': '443',
  'wss:': '443',
  'rtsp:': '554',
  'rtsps:': '322',
};

/** One connection attempt's redirects: what was visited and what the configuration allows. */
export class RedirectPolicy {
  private readonly origin: URL;
  private readonly visited = new Set<string>();
  private hops = 0;

  constructor(
    firstUrl: string,
    private readonly allowed: readonly string[],
    private readonly label: string,
  ) {
    this.origin = new URL(firstUrl);
    this.visited.add(visitKey(this.origin));
  }

  /** Decides on a redirect from `fromUrl` to `location` (relative or absolute). */
  follow(fromUrl: string, location: string | undefined, status: number): RedirectStep {
    const where = redactUrl(fromUrl);
    let next: URL;
    try {
      if (!location) throw new Error('no Location');
      next = new URL(location, fromUrl);
    } catch {
      return this.fail(
        'server-refused',
        `${where} answered ${status} without a usable Location. Check the URL and the server's logs.`,
        status,
      );
    }
    // Userinfo in a Location is the server's own; it is never a credential of ours.
    next.username = '';
    next.password = '';
    const to = redactUrl(next.toString());
    if (family(next.protocol) !== family(this.origin.protocol)) {
      return this.fail(
        'redirect-refused',
        `${where} redirects to ${to}, another protocol. Configure the final URL instead.`,
        status,
      );
    }
    this.hops++;
    const loop = this.visited.has(visitKey(next));
    if (loop || this.hops > MAX_REDIRECTS) {
      const why = loop
        ? `back to ${to}, where it has already been`
        : `more than ${MAX_REDIRECTS} times (last to ${to})`;
      return this.fail(
        'redirect-loop',
        `${where} redirects in circles (${why}). Configure the final URL, or fix the server's redirects.`,
        status,
      );
    }
    this.visited.add(visitKey(next));
    if (SECURE.has(this.origin.protocol) && !SECURE.has(next.protocol)) {
      return this.fail(
        'redirect-refused',
        `${where} redirects from a TLS address to a cleartext one (${to}); refused, since it would expose the stream and any credentials.`,
        status,
      );
    }
    const sameHost = authority(next) === authority(this.origin);
    if (!sameHost && !this.isAllowed(next)) {
      return this.fail(
        'redirect-refused',
        `${where} redirects to another server (${to}) that the configuration does not allow. If that server is right, add "${authority(next)}" to allowRedirectTo for this camera.`,
        status,
      );
    }
    return { ok: true, url: next.toString(), sameHost };
  }

  private isAllowed(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    return this.allowed.some((entry) => entry === host || entry === authority(url));
  }

  private fail(reason: FailureReason, what: string, status: number): RedirectStep {
    return {
      ok: false,
      failure: {
        code: 'protocol-error',
        reason,
        protocolStatus: status,
        message: `Camera '${this.label}': ${what}`,
      },
    };
  }
}

/** Whether a status is a redirect that names a new location. */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** host:port, with the scheme's default port written out, lower case. */
function authority(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || DEFAULT_PORT[url.protocol] || ''}`;
}

/** http and https (ws and wss, rtsp and rtsps) are one family: a redirect may not cross. */
const FAMILY: Record<string, string> = {
  'http:': 'http',
  'https:': 'http',
  'ws:': 'ws',
  'wss:': 'ws',
  'rtsp:': 'rtsp',
  'rtsps:': 'rtsp',
};

function family(protocol: string): string {
  return FAMILY[protocol] ?? protocol;
}

/** What makes two locations the same stop: the URL without a signature that changes each time. */
function visitKey(url: URL): string {
  const copy = new URL(url.toString());
  copy.searchParams.delete('sign');
  copy.hash = '';
  return copy.toString();
}
