// WS-FLV source against a real `ws` WebSocketServer on 127.0.0.1 that checks credentials in
// the upgrade request and sends the committed demo clip as binary messages.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../../electron/streams/flv/flv-tag';
import { createWsFlvSource } from '../../../../../electron/streams/protocols/ws-flv/ws-flv-source';
import type { SourceFailure, UpstreamSource } from '../../../../../electron/streams/core/source';
import type { AuthSettings } from '../../../../../electron/settings/settings-model';

const CLIP = readFileSync(join(__dirname, '../../../../../assets/demo/clip-1.flv'));
const BASIC = 'Basic ' + Buffer.from('viewer:pa55').toString('base64');
const BEARER = 'Bearer tok-123';

type Mode = 'clip' | 'html' | 'close-at-once';

const cleanups: (() => Promise<void>)[] = [];
const sources: UpstreamSource[] = [];

afterEach(async () => {
  sources.splice(0).forEach((s) => s.close());
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function startServer(
  mode: Mode,
): Promise<{ base: string; upgrades: http.IncomingMessage[] }> {
  const upgrades: http.IncomingMessage[] = [];
  const server = http.createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    upgrades.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const authOk = req.headers.authorization === BASIC || req.headers.authorization === BEARER;
    if (url.pathname.startsWith('/secure/') && !authOk) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!url.pathname.endsWith('/cam1.flv')) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (mode === 'close-at-once') return ws.close();
      if (mode === 'html')
        return ws.send(Buffer.from('<!DOCTYPE html><html><body>Login</body></html>'));
      for (let at = 0; at < CLIP.length; at += 4_099) ws.send(CLIP.subarray(at, at + 4_099));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return { base: `ws://127.0.0.1:${port}`, upgrades };
}

function connect(url: string, auth?: AuthSettings) {
  const tags: FlvTag[] = [];
  return new Promise<{ tags: FlvTag[]; failure: SourceFailure | null }>((resolve) => {
    const source = createWsFlvSource({ url, label: 'Cao An · Quầy 1', ...(auth ? { auth } : {}) })({
      onTag(tag) {
        tags.push(tag);
        if (tag.type === FLV_TAG_VIDEO && !videoTagInfo(tag.data).sequenceHeader) {
          resolve({ tags, failure: null });
        }
      },
      onEnd: (failure) => resolve({ tags, failure }),
    });
    sources.push(source);
  });
}

describe('WS-FLV source against a real WebSocket server', () => {
  it('with the right Basic credentials, delivers the sequence header, then a keyframe', async () => {
    const { base, upgrades } = await startServer('clip');
    const { tags, failure } = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'password',
      username: 'viewer',
      password: 'pa55',
      allowBasicOverCleartext: true,
    });
    expect(failure).toBeNull();
    const video = tags.filter((t) => t.type === FLV_TAG_VIDEO).map((t) => videoTagInfo(t.data));
    expect(video[0]).toMatchObject({ sequenceHeader: true, codec: 'h264' });
    expect(video[1]).toMatchObject({ sequenceHeader: false, keyframe: true });
    expect(upgrades[0]?.headers.authorization).toBe(BASIC);
  });

  it('with the right Bearer token, delivers video', async () => {
    const { base } = await startServer('clip');
    const { failure, tags } = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'bearer',
      token: 'tok-123',
    });
    expect(failure).toBeNull();
    expect(tags.length).toBeGreaterThan(1);
  });

  it('with a wrong token, ends as auth-failed (401)', async () => {
    const { base } = await startServer('clip');
    const { failure } = await connect(`${base}/secure/live/cam1.flv`, {
      type: 'bearer',
      token: 'nope',
    });
    expect(failure).toMatchObject({ code: 'auth-failed', message: expect.stringContaining('401') });
    expect(failure?.message).not.toContain('nope');
  });

  it('on a 404, ends as not-found', async () => {
    const { base } = await startServer('clip');
    expect((await connect(`${base}/live/other.flv`)).failure?.code).toBe('not-found');
  });

  it('on a closed port, ends as unreachable', async () => {
    const { base } = await startServer('clip');
    await cleanups.pop()!();
    const { failure } = await connect(`${base}/live/cam1.flv`);
    expect(failure).toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/refused/),
    });
  });

  it('on a message that is not FLV, ends as protocol-error telling the user what to check', async () => {
    const { base } = await startServer('html');
    const { failure } = await connect(`${base}/live/cam1.flv`);
    expect(failure).toMatchObject({
      code: 'protocol-error',
      message: expect.stringMatching(/Check that the URL points to an FLV stream/),
    });
  });

  it('on a socket closed at once with a signed URL, ends as auth-failed', async () => {
    const { base, upgrades } = await startServer('close-at-once');
    const { failure } = await connect(`${base}/live/cam1.flv`, { type: 'nms-sign', secret: 'k' });
    expect(failure?.code).toBe('auth-failed');
    expect(new URL(upgrades[0]!.url!, 'http://x').searchParams.get('sign')).toMatch(
      /^\d+-[0-9a-f]{32}$/,
    );
  });
});
