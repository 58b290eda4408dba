// The HTTP-TS source against real ffmpeg bytes: a live encode relayed by a node:http server
// (joined mid-stream), and ffmpeg's own HTTP server (-listen 1). The FLV it produces must
// decode in ffprobe. Every wait is on a condition; no sleeps, no wall-clock assertions.
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeFlvHeader, encodeFlvTag } from '../../../../../electron/streams/flv/flv-writer';
import { videoTagInfo, type FlvTag } from '../../../../../electron/streams/flv/flv-tag';
import { createHttpTsSource } from '../../../../../electron/streams/protocols/http-ts/http-ts-source';
import type { AuthSettings } from '../../../../../electron/settings/settings-model';
import { freePort } from '../../../../fixtures/free-port';
import { endWithin, probe, type SourceProbe } from '../rtsp/source-probe';
import {
  HEIGHT,
  TOKEN,
  WIDTH,
  ffprobeStdin,
  startLiveTsServer,
  type LiveTsServer,
} from './live-ts-server';

const LABEL = 'Cẩm Đoài · Quầy 1';
const BEARER: AuthSettings = { type: 'bearer', token: TOKEN };
const open: SourceProbe[] = [];

function start(url: string, auth?: AuthSettings): SourceProbe {
  const p = probe(createHttpTsSource({ url, label: LABEL, ...(auth ? { auth } : {}) }));
  open.push(p);
  return p;
}

const frames = (p: SourceProbe) => p.tags.filter((t) => !videoTagInfo(t.data).sequenceHeader);
const keyframes = (p: SourceProbe) => frames(p).filter((t) => videoTagInfo(t.data).keyframe);
const flvBytes = (tags: FlvTag[]) =>
  Buffer.concat([encodeFlvHeader({ audio: false, video: true }), ...tags.map(encodeFlvTag)]);

async function expectDecodableH264(p: SourceProbe, width: number, height: number) {
  expect(p.codecs).toEqual(['h264']);
  expect(videoTagInfo(p.tags[0]!.data)).toEqual({
    keyframe: true,
    sequenceHeader: true,
    codec: 'h264',
  });
  expect(videoTagInfo(p.tags[1]!.data).keyframe).toBe(true);
  const ts = keyframes(p).map((t) => t.timestamp);
  for (let i = 1; i < ts.length; i++) expect(ts[i]!).toBeGreaterThan(ts[i - 1]!);
  const stream = await ffprobeStdin(flvBytes(p.tags.slice()), 'flv');
  expect(stream).toMatchObject({ codec_name: 'h264', width, height });
  expect(Number(stream.nb_read_frames)).toBeGreaterThan(25);
}

/**
 * ffmpeg -listen 1 serves exactly one client, so a port probe would use it up: instead the
 * source itself is retried while the connection is refused (ffmpeg still starting).
 */
async function startWhenListening(url: string): Promise<SourceProbe> {
  for (let attempt = 0; ; attempt++) {
    const p = start(url);
    const first = await Promise.race([
      p.ended,
      p.waitFor(() => p.tags.length > 0, 30_000, 'the first tag').then(() => null),
    ]);
    if (first?.reason !== 'connection-refused' || attempt >= 100) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(() => {
  for (const p of open.splice(0)) p.source.close();
});

describe('HTTP-TS source against a live ffmpeg encode behind node:http', () => {
  let server: LiveTsServer;
  beforeAll(async () => {
    server = await startLiveTsServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('joins mid-stream and delivers a sequence header, then keyframes ffprobe decodes', async () => {
    server.setMode('live');
    const p = start(`${server.base}/live/cam.ts`, BEARER);
    await p.waitFor(() => keyframes(p).length >= 3, 30_000, 'three keyframes');
    await expectDecodableH264(p, WIDTH, HEIGHT);
    // B-frames: some frames carry a non-zero composition time (bytes 2-4 of an AVC tag).
    expect(frames(p).some((t) => t.data[2]! | t.data[3]! | t.data[4]!)).toBe(true);
    p.source.close();
    expect(p.ends).toEqual([]);
  });

  it('ends as auth-failed naming HTTP 401 without a token, and never shows it', async () => {
    const p = start(`${server.base}/live/cam.ts`, { type: 'bearer', token: 'wrong-token' });
    const end = await endWithin(p, 10_000);
    expect(end).toMatchObject({ code: 'auth-failed', protocolStatus: 401 });
    expect(end.message).toContain('401');
    expect(end.message).not.toContain('wrong-token');
  });

  it('ends as not-found on a wrong stream name', async () => {
    const end = await endWithin(start(`${server.base}/live/other.ts`, BEARER), 10_000);
    expect(end).toMatchObject({ code: 'not-found', message: expect.stringContaining('404') });
  });

  it('ends as malformed, in words, when a 200 brings an HTML page', async () => {
    server.setMode('html');
    const p = start(`${server.base}/live/cam.ts`, BEARER);
    const end = await endWithin(p, 10_000);
    expect(p.tags).toEqual([]);
    expect(end).toMatchObject({
      code: 'protocol-error',
      reason: 'malformed-stream',
      message: expect.stringMatching(/not MPEG-TS video.*Check that the URL points to/),
    });
  });

  it('ends as malformed when a 200 streams random bytes', async () => {
    server.setMode('noise');
    const p = start(`${server.base}/live/cam.ts`, BEARER);
    const end = await endWithin(p, 10_000);
    expect(p.tags).toEqual([]);
    expect(end).toMatchObject({ code: 'protocol-error', reason: 'malformed-stream' });
    expect(end.message).toMatch(/are not MPEG-TS packets/);
  });

  it('ends as unreachable on a closed port', async () => {
    const port = await freePort();
    const end = await endWithin(start(`http://127.0.0.1:${port}/live/cam.ts`), 10_000);
    expect(end).toMatchObject({ code: 'unreachable', reason: 'connection-refused' });
  });
});

describe('HTTP-TS source against ffmpeg -listen 1', () => {
  it('plays ffmpeg’s own HTTP server output', async () => {
    const port = await freePort();
    const ffmpeg = spawn(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi'],
        ...['-i', 'testsrc2=size=352x288:rate=25', '-c:v', 'libx264', '-preset', 'veryfast'],
        ...['-tune', 'zerolatency', '-g', '50', '-f', 'mpegts', '-listen', '1'],
        `http://127.0.0.1:${port}/live/cam.ts`,
      ],
      { stdio: 'ignore' },
    );
    try {
      const p = await startWhenListening(`http://127.0.0.1:${port}/live/cam.ts`);
      await p.waitFor(() => keyframes(p).length >= 2, 30_000, 'two keyframes');
      await expectDecodableH264(p, 352, 288);
    } finally {
      ffmpeg.kill('SIGKILL');
    }
  });
});
