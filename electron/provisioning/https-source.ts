// Fetches a bundle over HTTPS for the poller: conditional (ETag), bounded in time and size, and
// never following a redirect to another host (a captive portal or a hijacked DNS name must not
// get to feed the wall, even though it could not forge a signature, it could feed it junk).
import { request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';

export type FetchResult =
  { kind: 'not-modified' } | { kind: 'body'; text: string; etag: string | null };

/** The poller's view of a bundle source over the network; tests inject a fake. */
export type BundleFetcher = (url: string, options: { etag: string | null }) => Promise<FetchResult>;

export interface HttpsFetchOptions {
  /** Extra trusted CA certificates (PEM), e.g. the district's own CA. */
  ca?: string | Buffer;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export function createHttpsFetcher(options: HttpsFetchOptions = {}): BundleFetcher {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 3;
  return async (url, { etag }) => {
    const first = new URL(url);
    if (first.protocol !== 'https:')
      throw new Error(`the bundle URL must start with https:// (got ${first.protocol})`);
    let target = first;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const res = await get(target, etag, options.ca, timeoutMs);
      const status = res.statusCode ?? 0;
      if (status === 304) return drain(res, { kind: 'not-modified' });
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = res.headers.location;
        res.resume();
        if (!location) throw new Error(`the server answered ${status} without a Location`);
        const next = new URL(location, target);
        if (next.protocol !== 'https:' || next.host !== first.host) {
          throw new Error(
            `the server redirected to another host (${next.host}); refused. Point the wall at the final https:// address.`,
          );
        }
        target = next;
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw new Error(`the server answered HTTP ${status} for ${first.host}${first.pathname}`);
      }
      const text = await readCapped(res, maxBytes);
      const tag = res.headers.etag;
      return { kind: 'body', text, etag: typeof tag === 'string' ? tag : null };
    }
    throw new Error(`more than ${maxRedirects} redirects from ${first.host}; refused`);
  };
}

function get(
  url: URL,
  etag: string | null,
  ca: string | Buffer | undefined,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
      ...(ca ? { ca } : {}),
    });
    // One deadline for the whole exchange, body included: a server that trickles bytes must
    // not hold the poller forever.
    const timer = setTimeout(
      () => req.destroy(new Error(`no complete answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    req.on('response', (res) => {
      res.on('close', () => clearTimeout(timer));
      resolve(res);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      return reject(tooBig(maxBytes));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(tooBig(maxBytes));
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

const tooBig = (maxBytes: number) =>
  new Error(`the bundle is larger than ${Math.round(maxBytes / 1024)} KB; refused`);

function drain<T>(res: IncomingMessage, value: T): T {
  res.resume();
  return value;
}
