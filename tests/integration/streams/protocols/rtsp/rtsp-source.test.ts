// The RTSP source against a real GStreamer RTSP server: playback decodable by ffmpeg, each
// failure code, no retry storm on a wrong password, keepalive past a short session timeout.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRtspSource,
  type RtspSourceOptions,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
import { encodeFlvHeader, encodeFlvTag } from '../../../../../electron/streams/flv/flv-writer';
import { videoTagInfo, type FlvTag } from '../../../../../electron/streams/flv/flv-tag';
import {
  freePort,
  startRtspServer,
  type RtspServer,
} from '../../../../fixtures/rtsp-server/start-rtsp-server';
import { makeSelfSignedCert } from '../../../../fixtures/tls/make-cert';
import { endWithin, probe, type SourceProbe } from './source-probe';

const run = promisify(execFile);
const USER = 'admin';
const PASSWORD = 'secret-Pa55';
const logs: string[] = [];
const log = (line: string) => logs.push(line);
const open: SourceProbe[] = [];

function start(url: string, extra: Partial<RtspSourceOptions> = {}): SourceProbe {
  const p = probe(createRtspSource({ url, label: 'Cẩm Đoài 1', log, ...extra }));
  open.push(p);
  return p;
}

const frames = (p: SourceProbe) => p.tags.filter((t) => !videoTagInfo(t.data).sequenceHeader);
const keyframes = (p: SourceProbe) => frames(p).filter((t) => videoTagInfo(t.data).keyframe);

function writeFlv(tags: FlvTag[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rtsp-it-'));
  const file = path.join(dir, 'out.flv');
  const parts = [encodeFlvHeader({ audio: false, video: true }), ...tags.map(encodeFlvTag)];
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** ffprobe's view of the first video stream of a file: codec, size and frames it decoded. */
async function probeVideo(file: string, input: string[] = []): Promise<Record<string, unknown>> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    ...input,
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,width,height,nb_read_frames',
    '-of',
    'json',
    file,
  ]);
  return (JSON.parse(stdout) as { streams: Array<Record<string, unknown>> }).streams[0]!;
}

/** Waits until every earlier connection is closed, so request counts belong to one test. */
function quiet(server: RtspServer): Promise<void> {
  return server.waitFor(
    () => server.closedConnections() === server.connections(),
    10_000,
    'earlier connections to close',
  );
}

afterEach(() => {
  for (const p of open.splice(0)) p.source.close();
});

afterAll(() => {
  // Whatever happened, no log line may carry the password or userinfo.
  for (const line of logs) {
    expect(line).not.toContain(PASSWORD);
    expect(line).not.toMatch(/rtsps?:\/\/[^/\s]*@/);
  }
});

describe('RTSP source against GStreamer (Digest)', () => {
  let server: RtspServer;
  beforeAll(async () => {
    server = await startRtspServer({ auth: 'digest', user: USER, password: PASSWORD });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('plays H.264: sequence header first, keyframes, rising timestamps, decodable FLV', async () => {
    const p = start(server.url('/cam1', { user: USER, password: PASSWORD }));
    await p.waitFor(() => keyframes(p).length >= 2, 20_000, 'two keyframes');
    expect(p.codecs).toEqual(['h264']);
    const first = videoTagInfo(p.tags[0]!.data);
    expect(first).toEqual({ keyframe: true, sequenceHeader: true, codec: 'h264' });
    expect(videoTagInfo(p.tags[1]!.data).keyframe).toBe(true);
    const ts = frames(p).map((t) => t.timestamp);
    for (let i = 1; i < ts.length; i++) expect(ts[i]!).toBeGreaterThanOrEqual(ts[i - 1]!);
    expect(ts[ts.length - 1]!).toBeGreaterThan(ts[0]!);

    const file = writeFlv(p.tags.slice());
    await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']);
    const stream = await probeVideo(file);
    expect(stream.codec_name).toBe('h264');
    expect(stream.width).toBe(640);
    expect(Number(stream.nb_read_frames)).toBeGreaterThan(25);

    // close(): TEARDOWN reaches the server and onEnd is never called.
    const teardowns = server.count('TEARDOWN');
    p.source.close();
    await server.waitFor(() => server.count('TEARDOWN') > teardowns, 5000, 'TEARDOWN');
    expect(p.ends).toEqual([]);
  });

  it('accepts credentials given as options instead of in the URL', async () => {
    const p = start(server.url('/cam1'), { username: USER, password: PASSWORD });
    await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe');
  });

  it('ends with auth-failed on a wrong password, after a bounded number of requests', async () => {
    await quiet(server);
    const before = server.count('DESCRIBE');
    const connections = server.connections();
    const closedBefore = server.closedConnections();
    const p = start(server.url('/cam1', { user: USER, password: 'Bad-Pa55word' }));
    const end = await endWithin(p, 10_000);
    expect(end.code).toBe('auth-failed');
    // The server's log of this connection is complete once it reports the close.
    await server.waitFor(() => server.closedConnections() > closedBefore, 5000, 'the close');
    expect(end.message).toContain('Cẩm Đoài 1');
    expect(end.message).toContain('401');
    expect(end.message).not.toContain('Bad-Pa55word');
    expect(server.count('DESCRIBE') - before).toBeLessThanOrEqual(2);
    expect(server.connections() - connections).toBe(1);
    expect(p.tags).toEqual([]);
    expect(p.ends).toHaveLength(1);
  });

  it('ends with auth-failed when no credentials are given', async () => {
    await quiet(server);
    const before = server.count('DESCRIBE');
    const closedBefore = server.closedConnections();
    const p = start(server.url('/cam1'));
    const end = await endWithin(p, 10_000);
    expect(end.code).toBe('auth-failed');
    await server.waitFor(() => server.closedConnections() > closedBefore, 5000, 'the close');
    expect(server.count('DESCRIBE') - before).toBe(1);
  });

  it('ends with not-found on a wrong path', async () => {
    const p = start(server.url('/no-such-cam', { user: USER, password: PASSWORD }));
    const end = await endWithin(p, 10_000);
    expect(end.code).toBe('not-found');
    expect(end.message).toContain('404');
  });

  it('plays H.265 as enhanced-FLV hvc1 tags whose NAL units ffmpeg decodes', async () => {
    const p = start(server.url('/cam2', { user: USER, password: PASSWORD }));
    await p.waitFor(() => keyframes(p).length >= 2, 30_000, 'two H.265 keyframes');
    expect(p.codecs).toEqual(['h265']);
    expect(videoTagInfo(p.tags[0]!.data)).toEqual({
      keyframe: true,
      sequenceHeader: true,
      codec: 'h265',
    });
    // Debian's ffmpeg 5.1 cannot demux enhanced FLV, so rebuild Annex-B from the record
    // (arrays of VPS/SPS/PPS) and the length-prefixed frames, and decode that.
    const chunks: Buffer[] = [];
    const startCode = Buffer.from([0, 0, 0, 1]);
    const rec = Buffer.from(p.tags[0]!.data.subarray(5));
    let at = 23;
    for (let a = 0; a < rec[22]!; a++) {
      const n = rec.readUInt16BE(at + 1);
      at += 3;
      for (let i = 0; i < n; i++) {
        const len = rec.readUInt16BE(at);
        chunks.push(startCode, rec.subarray(at + 2, at + 2 + len));
        at += 2 + len;
      }
    }
    for (const tag of frames(p)) {
      const body = Buffer.from(tag.data.subarray(8));
      for (let o = 0; o + 4 <= body.length;) {
        const len = body.readUInt32BE(o);
        chunks.push(startCode, body.subarray(o + 4, o + 4 + len));
        o += 4 + len;
      }
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'rtsp-it-'));
    const file = path.join(dir, 'out.h265');
    writeFileSync(file, Buffer.concat(chunks));
    const stream = await probeVideo(file, ['-f', 'hevc']);
    expect(stream.width).toBe(640);
    expect(stream.height).toBe(360);
    expect(Number(stream.nb_read_frames)).toBeGreaterThan(25);
  });
});

describe('RTSP source: other servers and failures', () => {
  it('refuses a Basic-only server over rtsp:// without sending the password', async () => {
    const server = await startRtspServer({ auth: 'basic', user: USER, password: PASSWORD });
    try {
      const p = start(server.url('/cam1', { user: USER, password: PASSWORD }));
      const end = await endWithin(p, 10_000);
      expect(end).toMatchObject({ code: 'protocol-error', reason: 'basic-over-cleartext' });
      expect(end.message).toContain('allowBasicOverCleartext');
      expect(server.requests.some((r) => r.authorized)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('plays from a Basic-only server when the configuration allows Basic over rtsp://', async () => {
    const server = await startRtspServer({ auth: 'basic', user: USER, password: PASSWORD });
    try {
      const p = start(server.url('/cam1', { user: USER, password: PASSWORD }), {
        allowBasicOverCleartext: true,
      });
      await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe');
      expect(server.requests.filter((r) => r.method === 'PLAY' && r.authorized)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('decodes percent-encoded credentials from the URL', async () => {
    const tricky = 'p@ss:w/rd%1';
    const server = await startRtspServer({ auth: 'digest', user: 'op erator', password: tricky });
    try {
      const p = start(server.url('/cam1', { user: 'op erator', password: tricky }));
      await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe');
    } finally {
      await server.stop();
    }
  });

  it('ends with unreachable when nothing listens on the port', async () => {
    const port = await freePort();
    const p = start(`rtsp://${USER}:${PASSWORD}@127.0.0.1:${port}/cam1`);
    const end = await endWithin(p, 10_000);
    expect(end.code).toBe('unreachable');
    expect(end.message).toContain('refused');
    expect(end.message).not.toContain(PASSWORD);
  });

  it('plays rtsps:// with the camera certificate as tls.ca, and refuses an untrusted or unpinned one', async () => {
    const cert = makeSelfSignedCert();
    const server = await startRtspServer({
      auth: 'digest',
      user: USER,
      password: PASSWORD,
      tlsCert: cert.certPath,
      tlsKey: cert.keyPath,
    });
    try {
      const url = server
        .url('/cam1', { user: USER, password: PASSWORD })
        .replace('rtsp:', 'rtsps:');
      const untrusted = start(url);
      const end = await endWithin(untrusted, 10_000);
      expect(end).toMatchObject({ code: 'protocol-error', reason: 'tls' });
      expect(end.message).toMatch(/TLS.*SELF_SIGNED/);
      expect(end.message).toContain('tls.ca');

      const wrongPin = `${cert.fingerprint256.slice(0, -2)}${cert.fingerprint256.endsWith('00') ? '11' : '00'}`;
      const pinned = start(url, { tlsTrust: { ca: cert.cert, fingerprint256: wrongPin } });
      const refused = await endWithin(pinned, 10_000);
      expect(refused).toMatchObject({ code: 'protocol-error', reason: 'tls' });
      expect(refused.message).toContain('not the one pinned in tls.fingerprint');
      expect(refused.message).toContain(cert.fingerprint256);
      expect(server.requests.filter((r) => r.authorized)).toEqual([]);

      const p = start(url, { tlsTrust: { ca: cert.cert, fingerprint256: cert.fingerprint256 } });
      await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe over TLS');
      expect(server.count('PLAY')).toBeGreaterThanOrEqual(1);
    } finally {
      await server.stop();
    }
  });

  it('ends promptly when the server is killed mid-stream', async () => {
    const server = await startRtspServer({ auth: 'none' });
    const p = start(server.url('/cam1'));
    await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe');
    await server.kill();
    // "Promptly" is a deadline on the event itself, not a measured duration: onEnd must come
    // from the closed socket, since no session watchdog runs here to notice the silence.
    const end = await endWithin(p, 5_000);
    expect(end.code).toBe('ended');
    expect(p.ends).toHaveLength(1);
  });

  it('keeps a session alive past a short session timeout with keepalives', async () => {
    const server = await startRtspServer({
      auth: 'digest',
      user: USER,
      password: PASSWORD,
      sessionTimeoutSec: 4,
    });
    try {
      const p = start(server.url('/cam1', { user: USER, password: PASSWORD }));
      await p.waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe');
      // 3 keepalives at timeout/2 span 6 s, past the 4 s timeout; media must still flow.
      await server.waitFor(() => server.count('GET_PARAMETER') >= 3, 15_000, 'three keepalives');
      const lastTs = p.tags[p.tags.length - 1]!.timestamp;
      await p.waitFor(
        () => p.tags[p.tags.length - 1]!.timestamp > lastTs + 1000,
        5_000,
        'another second of video after the keepalives',
      );
      expect(p.tags[p.tags.length - 1]!.timestamp).toBeGreaterThan(6_000);
      expect(
        server.requests.filter((r) => r.method === 'GET_PARAMETER').every((r) => r.authorized),
      ).toBe(true);
      expect(p.ends).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
