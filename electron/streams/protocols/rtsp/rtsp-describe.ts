// OPTIONS and DESCRIBE, following DESCRIBE's redirects (RTSP 301/302: an NVR handing a
// channel to another address) under the shared redirect policy. Each hop is a new
// connection, with the credentials only while it stays on the same host and port.
import { RedirectPolicy, isRedirect } from '../redirect-policy';
import type { RtspConnection } from './rtsp-connection';
import { protocolError, redirectFailure } from './rtsp-errors';
import { header, parsePublic, type RtspResponse } from './rtsp-message';
import { parseRtspUrl, type RtspTarget } from './rtsp-url';

export interface DescribeSteps {
  label: string;
  timeoutMs: number;
  allowRedirectTo: readonly string[];
  /** Opens (and connects) a connection to a target; the source keeps it as its own. */
  open(target: RtspTarget): Promise<RtspConnection>;
  /** True once the source was closed or failed: stop without another request. */
  stopped(): boolean;
  log(line: string): void;
}

export interface Described {
  conn: RtspConnection;
  target: RtspTarget;
  publicMethods: Set<string>;
  /** The final DESCRIBE answer (not a redirect; maybe a refusal for the caller to map). */
  describe: RtspResponse;
}

/** Undefined when the source stopped meanwhile; throws an RtspFailure on a refused hop. */
export async function describeFollowingRedirects(
  first: RtspTarget,
  steps: DescribeSteps,
): Promise<Described | undefined> {
  const redirects = new RedirectPolicy(first.url, steps.allowRedirectTo, steps.label);
  let target = first;
  for (;;) {
    const conn = await steps.open(target);
    if (steps.stopped()) return undefined;
    const options = await conn.request('OPTIONS', target.url, {}, steps.timeoutMs);
    if (steps.stopped()) return undefined;
    // A failed OPTIONS is not fatal: some cameras only implement the methods they need.
    const publicMethods =
      options.status >= 200 && options.status < 300
        ? parsePublic(header(options.headers, 'public'))
        : new Set<string>();
    const describe = await conn.request(
      'DESCRIBE',
      target.url,
      { Accept: 'application/sdp' },
      steps.timeoutMs,
    );
    if (steps.stopped()) return undefined;
    if (!isRedirect(describe.status)) return { conn, target, publicMethods, describe };
    const step = redirects.follow(
      target.url,
      header(describe.headers, 'location'),
      describe.status,
    );
    if (!step.ok) throw redirectFailure(step.failure);
    conn.destroy();
    const next = parseRtspUrl(step.url);
    if ('error' in next) {
      throw protocolError(steps.label, `the camera redirected to ${step.url}: ${next.error}`);
    }
    steps.log(`redirected (RTSP ${describe.status}) to ${next.url}`);
    const { username, password } = target;
    target = {
      ...next,
      ...(step.sameHost && username !== undefined ? { username } : {}),
      ...(step.sameHost && password !== undefined ? { password } : {}),
    };
  }
}
