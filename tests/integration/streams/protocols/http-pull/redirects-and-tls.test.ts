// The gateway pulls against real node:http / node:https / ws servers on 127.0.0.1:
// redirects (same host with credentials, another host only when allowed and then without
// Authorization or signature, loops and a fourth hop refused), Basic over http:// refused
// before any request, and https with the gateway's own CA and a pinned fingerprint.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { SourceFailure } from '../../../../../electron/streams/core/source';
import { FLV_TAG_VIDEO, videoTagInfo } from '../../../../../electron/streams/flv/flv-tag';
import { createHttpFlvSource } from '../../../../../electron/streams/protocols/http-flv/http-flv-source';
import type { FlvPullOptions } from '../../../../../electron/streams/protocols/http-pull/flv-stream-feed';
import { createWsFlvSource } from '../../../../../electron/streams/protocols/ws-flv/ws-flv-source';
import { makeSelfSignedCert, type TestCert } from '../../../../fixtures/tls/make-cert';

const CLIP = readFileSync(join(__dirname, '../../../../../assets/demo/clip-1.flv'));
const BEARER = 'Bearer tok-123';

interface Seen {
  path: string;
  authorization: string | undefined;
  query: string;
}
type Route = (url: URL) => { status: number; location?: string } | 'clip';

const cleanups: (() => Promise<void>)[] = [];
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function serve(route: Route, cert?: TestCert) {
  const seen: Seen[] = [];
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, authorization: req.headers.authorization, query: url.search });
    const answer = route(url);
    if (answer === 'clip') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      res.end(CLIP);
      return;
    }
    res.writeHead(answer.status, answer.location ? { Location: answer.location } : {}).end();
  };
  const server = cert
    ? https.createServer({ cert: cert.cert, key: cert.key }, handler)
    : http.createServer(handler);
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, authorization: req.headers.authorization, query: url.search });
    const answer = route(url);
    if (answer !== 'clip') {
      const location = answer.location ? `Location: ${answer.location}\r\n` : '';
      socket.end(`HTTP/1.1 ${answer.status} Moved\r\n${location}Content-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => ws.send(CLIP));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return { port, seen, host: `127.0.0.1:${port}` };
}

/** Resolves with the first video frame (null failure) or the failure. */
function pull(kind: 'http' | 'ws', options: FlvPullOptions): Promise<SourceFailure | null> {
  return new Promise((resolve) => {
    const create = kind === 'http' ? createHttpFlvSource : createWsFlvSource;
    const source = create(options)({
      onTag(tag) {
        if (tag.type === FLV_TAG_VIDEO && !videoTagInfo(tag.data).sequenceHeader) resolve(null);
      },
      onEnd: resolve,
    });
    closers.push(() => source.close());
  });
}

const label = 'Lai Cách · Quầy 1';
const bearer = { type: 'bearer', token: 'tok-123' } as const;

describe.each(['http', 'ws'] as const)('%s-FLV redirects', (kind) => {
  const scheme = kind === 'http' ? 'http' : 'ws';

  it('follows a redirect on the same host, with the credentials', async () => {
    const gw = await serve((url) =>
      url.pathname === '/old/cam1.flv' ? { status: 302, location: '/live/cam1.flv' } : 'clip',
    );
    const url = `${scheme}://${gw.host}/old/cam1.flv`;
    expect(await pull(kind, { url, label, auth: bearer })).toBeNull();
    expect(gw.seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/old/cam1.flv', BEARER],
      ['/live/cam1.flv', BEARER],
    ]);
  });

  it('refuses another host the configuration does not allow, which then sees nothing', async () => {
    const edge = await serve(() => 'clip');
    const gw = await serve(() => ({
      status: 302,
      location: `${scheme}://${edge.host}/live/cam1.flv`,
    }));
    const failure = await pull(kind, {
      url: `${scheme}://${gw.host}/live/cam1.flv`,
      label,
      auth: bearer,
    });
    expect(failure).toMatchObject({
      code: 'protocol-error',
      reason: 'redirect-refused',
      protocolStatus: 302,
    });
    expect(failure!.message).toContain(`add "${edge.host}" to allowRedirectTo`);
    expect(edge.seen).toEqual([]);
  });

  it('follows an allowed host without the Authorization header or the NMS signature', async () => {
    const edge = await serve(() => 'clip');
    const gw = await serve(() => ({
      status: 302,
      location: `${scheme}://${edge.host}/live/cam1.flv`,
    }));
    const url = `${scheme}://${gw.host}/live/cam1.flv`;
    const allowRedirectTo = [edge.host];
    expect(await pull(kind, { url, label, auth: bearer, allowRedirectTo })).toBeNull();
    const nms = { type: 'nms-sign', secret: 's3cret' } as const;
    expect(await pull(kind, { url, label, auth: nms, allowRedirectTo })).toBeNull();
    expect(gw.seen[1]!.query).toContain('sign=');
    expect(edge.seen).toHaveLength(2);
    for (const s of edge.seen) {
      expect(s.authorization).toBeUndefined();
      expect(s.query).toBe('');
    }
  });

  it('ends with redirect-loop on a loop and on a fourth redirect', async () => {
    const loop = await serve((url) => ({
      status: 301,
      location: url.pathname === '/a.flv' ? '/b.flv' : '/a.flv',
    }));
    const looped = await pull(kind, { url: `${scheme}://${loop.host}/a.flv`, label });
    expect(looped).toMatchObject({ code: 'protocol-error', reason: 'redirect-loop' });
    expect(loop.seen.map((s) => s.path)).toEqual(['/a.flv', '/b.flv']);

    const chain = await serve((url) => ({
      status: 307,
      location: `/r${Number(url.pathname.slice(2, 3) || 0) + 1}.flv`,
    }));
    const far = await pull(kind, { url: `${scheme}://${chain.host}/r0.flv`, label });
    expect(far).toMatchObject({ reason: 'redirect-loop' });
    expect(chain.seen.map((s) => s.path)).toEqual(['/r0.flv', '/r1.flv', '/r2.flv', '/r3.flv']);
  });

  it('refuses Basic over cleartext before sending anything, unless allowed', async () => {
    const gw = await serve(() => 'clip');
    const url = `${scheme}://${gw.host}/live/cam1.flv`;
    const auth = { type: 'password', username: 'viewer', password: 'pa55' } as const;
    const failure = await pull(kind, { url, label, auth });
    expect(failure).toMatchObject({ code: 'protocol-error', reason: 'basic-over-cleartext' });
    expect(failure!.message).not.toContain('pa55');
    expect(gw.seen).toEqual([]);
    expect(await pull(kind, { url, label, auth, allowBasicOverCleartext: true })).toBeNull();
    expect(gw.seen[0]!.authorization).toMatch(/^Basic /);
  });
});

describe.each(['http', 'ws'] as const)('%s-FLV over TLS with its own CA', (kind) => {
  let cert: TestCert;
  beforeAll(() => {
    cert = makeSelfSignedCert();
  });
  const scheme = kind === 'http' ? 'https' : 'wss';

  it('refuses the unknown CA, plays with tls.ca, and refuses a wrong pin', async () => {
    const gw = await serve(() => 'clip', cert);
    const url = `${scheme}://${gw.host}/live/cam1.flv`;
    const untrusted = await pull(kind, { url, label });
    expect(untrusted).toMatchObject({ code: 'protocol-error', reason: 'tls' });
    expect(untrusted!.message).toContain('tls.ca');

    expect(await pull(kind, { url, label, tlsTrust: { ca: cert.cert } })).toBeNull();
    const pin = cert.fingerprint256;
    expect(
      await pull(kind, { url, label, tlsTrust: { ca: cert.cert, fingerprint256: pin } }),
    ).toBeNull();

    const wrong = pin.replace(/^../, pin.startsWith('00') ? '11' : '00');
    const refused = await pull(kind, {
      url,
      label,
      tlsTrust: { ca: cert.cert, fingerprint256: wrong },
    });
    expect(refused).toMatchObject({ code: 'protocol-error', reason: 'tls' });
    expect(refused!.message).toContain('not the one pinned in tls.fingerprint');
    // The refused connections never got as far as a request.
    expect(gw.seen).toHaveLength(2);
  });
});
