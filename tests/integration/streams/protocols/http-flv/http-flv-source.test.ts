// HTTP-FLV source against a real node:http server on 127.0.0.1 that serves the committed
// demo clip and checks Basic or Bearer credentials. Every assertion waits on an event.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../../electron/streams/flv/flv-tag';
import { createHttpFlvSource } from '../../../../../electron/streams/protocols/http-flv/http-flv-source';
import type { SourceFailure, UpstreamSource } from '../../../../../electron/streams/core/source';
import { StreamSession } from '../../../../../electron/streams/core/stream-session';
import type { StreamStatus } from '../../../../../electron/contract/wall-contract';
import type { AuthSettings } from '../../../../../electron/settings/settings-model';

const CLIP = readFileSync(join(__dirname, '../../../../../assets/demo/clip-1.flv'));
const BASIC = 'Basic ' + Buffer.from('viewer:pa55 wörd').toString('base64');
const BEARER = 'Bearer tok-123';

type Mode = 'clip' | 'paced' | 'html' | 'short-text' | 'silent' | 'close-at-once';

const servers: http.Server[] = [];
const sources: UpstreamSource[] = [];
const sessions: StreamSession[] = [];

afterEach(async () => {
  sessions.splice(0).forEach((s) => s.close());
  sources.splice(0).forEach((s) => s.close());
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function startServer(
  mode: Mode,
): Promise<{ base: string; requests: http.IncomingMessage[] }> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const authOk = req.headers.authorization === BASIC || req.headers.authorization === BEARER;
    if (url.pathname.startsWith('/secure/') && !authOk) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="gw"' }).end('Unauthorized');
      return;
    }
    if (!url.pathname.endsWith('/cam1.flv')) {
      res.writeHead(404).end('Not Found');
      return;
    }
    if (mode === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>');
    } else if (mode === 'short-text') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Forbidden');
    } else if (mode === 'silent') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      res.flushHeaders(); // and never a byte
    } else if (mode === 'close-at-once') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' }).end();
    } else if (mode === 'paced') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      let at = 0;
      const timer = setInterval(() => {
        if (at >= CLIP.length) return void clearInterval(timer);
        res.write(CLIP.subarray(at, at + 7_919)); // odd chunks: tags split anywhere
        at += 7_919;
      }, 5);
      res.on('close', () => clearInterval(timer));
    } else {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      res.write(CLIP); // and stay open, like a live stream
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, requests };
}

/** Runs one connection attempt; resolves on the first video frame or on the end. */
function connect(url: string, auth?: AuthSettings, until: 'frame' | 'end' = 'frame') {
  const tags: FlvTag[] = [];
  return new Promise<{ tags: FlvTag[]; failure: SourceFailure | null }>((resolve) => {
    const source = createHttpFlvSource({
      url,
      label: 'Cẩm Đoài · Quầy 1',
      ...(auth ? { auth } : {}),
    })({
      onTag(tag) {
        tags.push(tag);
        const info = tag.type === FLV_TAG_VIDEO ? videoTagInfo(tag.data) : null;
        if (until === 'frame' && info && !info.sequenceHeader) resolve({ tags, failure: null });
      },
      onEnd: (failure) => resolve({ tags, failure }),
    });
    sources.push(source);
  });
}

function expectStartsWithConfigThenKeyframe(tags: FlvTag[]): void {
  const video = tags.filter((t) => t.type === FLV_TAG_VIDEO).map((t) => videoTagInfo(t.data));
  expect(video[0]).toMatchObject({ sequenceHeader: true, codec: 'h264' });
  expect(video[1]).toMatchObject({ sequenceHeader: false, keyframe: true });
}

describe('HTTP-FLV source against a real server', () => {
  it('with the right Basic credentials, delivers the sequence header, then a keyframe', async () => {
    const { base, requests } = await startServer('clip');
    const result = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'password',
      username: 'viewer',
      password: 'pa55 wörd',
      allowBasicOverCleartext: true,
    });
    expect(result.failure).toBeNull();
    expectStartsWithConfigThenKeyframe(result.tags);
    expect(requests[0]?.headers.authorization).toBe(BASIC);
  });

  it('with the right Bearer token, delivers video from a paced stream split anywhere', async () => {
    const { base } = await startServer('paced');
    const result = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'bearer',
      token: 'tok-123',
    });
    expect(result.failure).toBeNull();
    expectStartsWithConfigThenKeyframe(result.tags);
  });

  it('with wrong credentials, ends as auth-failed naming HTTP 401 and no password', async () => {
    const { base } = await startServer('clip');
    const { failure } = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'password',
      username: 'viewer',
      password: 'wrong-pass',
      allowBasicOverCleartext: true,
    });
    expect(failure).toMatchObject({ code: 'auth-failed', message: expect.stringContaining('401') });
    expect(failure?.message).not.toContain('wrong-pass');
  });

  it('without credentials where they are needed, ends as auth-failed', async () => {
    const { base } = await startServer('clip');
    expect((await connect(`${base}/secure/live/cam1.flv`)).failure?.code).toBe('auth-failed');
  });

  it('keeps userinfo out of the failure message', async () => {
    const { base } = await startServer('clip');
    const url = `${base.replace('http://', 'http://viewer:url-secret@')}/secure/live/nope.flv`;
    const { failure } = await connect(url);
    expect(failure?.message).not.toContain('url-secret');
  });

  it('on a 404, ends as not-found', async () => {
    const { base } = await startServer('clip');
    const { failure } = await connect(`${base}/live/other.flv`);
    expect(failure).toMatchObject({ code: 'not-found', message: expect.stringContaining('404') });
  });

  it('on a closed port, ends as unreachable', async () => {
    const { base } = await startServer('clip');
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { failure } = await connect(`${base}/live/cam1.flv`);
    expect(failure).toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/refused.*Check that the server is on/),
    });
  });

  it('on an HTML page with 200, ends as protocol-error telling the user to check the URL', async () => {
    const { base } = await startServer('html');
    const { failure, tags } = await connect(`${base}/live/cam1.flv`);
    expect(tags).toEqual([]);
    expect(failure).toMatchObject({
      code: 'protocol-error',
      message: expect.stringMatching(/not FLV.*Check that the URL points to an FLV stream/),
    });
  });

  it('on a short text body with 200 (shorter than an FLV header), ends as protocol-error', async () => {
    const { base } = await startServer('short-text');
    const { failure } = await connect(`${base}/live/cam1.flv`);
    expect(failure).toMatchObject({
      code: 'protocol-error',
      message: expect.stringMatching(/not FLV.*Check that the URL points to an FLV stream/),
    });
  });

  it('on a 200 that closes at once with a signed URL, ends as auth-failed (NMS refusal)', async () => {
    const { base, requests } = await startServer('close-at-once');
    const { failure } = await connect(`${base}/live/cam1.flv`, { type: 'nms-sign', secret: 'k' });
    expect(failure).toMatchObject({
      code: 'auth-failed',
      message: expect.stringMatching(/signing secret/),
    });
    expect(failure?.message).not.toMatch(/sign=\d/);
    expect(new URL(requests[0]!.url!, 'http://x').searchParams.get('sign')).toMatch(
      /^\d+-[0-9a-f]{32}$/,
    );
  });

  it('on a 200 that closes at once without signing, ends as ended', async () => {
    const { base } = await startServer('close-at-once');
    expect((await connect(`${base}/live/cam1.flv`)).failure?.code).toBe('ended');
  });

  it('through a session, a 200 that sends nothing ends in no-media with a detail', async () => {
    const { base } = await startServer('silent');
    const statuses: StreamStatus[] = [];
    const noMedia = new Promise<StreamStatus>((resolve) => {
      const session = new StreamSession({
        cameraId: 'cam-1',
        quality: 'sub',
        label: 'Cẩm Đoài · Quầy 1',
        factory: createHttpFlvSource({ url: `${base}/live/cam1.flv`, label: 'Cẩm Đoài · Quầy 1' }),
        timings: { noMediaTimeoutMs: 500 },
        onStatus: (status) => {
          statuses.push(status);
          if (status.state === 'no-media') resolve(status);
        },
        log: () => {},
      });
      sessions.push(session);
      session.attach({ send: () => {}, bufferedBytes: () => 0, close: () => {} });
    });
    const status = await noMedia;
    expect(status.detail).toMatch(/sent no video/);
    expect(status.retryAt).toBeGreaterThan(Date.now());
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'no-media']);
  });
});
