// The RTSP source against a scripted server: auth variants, keepalive re-authentication,
// failure codes for odd answers, hostile framing, RTCP, and close() semantics.
import { afterEach, describe, expect, it } from 'vitest';
import { createRtspSource } from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
import {
  digestResponse,
  parseChallenges,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-auth';
import { videoTagInfo } from '../../../../../electron/streams/flv/flv-tag';
import {
  endWithin,
  probe,
  type SourceProbe,
} from '../../../../integration/streams/protocols/rtsp/source-probe';
import {
  fakeRtspServer,
  sdpReply,
  type FakeRequest,
  type FakeServer,
  type Reply,
} from './fake-rtsp-server';
import {
  AUDIO_ONLY_SDP,
  GSTREAMER_H264_SDP,
  IDR,
  MJPEG_SDP,
  P_SLICE,
  interleaved,
  rtp,
} from './samples';

const servers: FakeServer[] = [];
const probes: SourceProbe[] = [];
const logs: string[] = [];

async function serve(respond: Parameters<typeof fakeRtspServer>[0]) {
  const s = await fakeRtspServer(respond);
  servers.push(s);
  return s;
}

function start(s: FakeServer, userinfo = 'admin:pw@', extra: object = {}): SourceProbe {
  const p = probe(
    createRtspSource({
      url: `rtsp://${userinfo}127.0.0.1:${s.port}/cam`,
      label: 'Cam 1',
      log: (l) => logs.push(l),
      ...extra,
    }),
  );
  probes.push(p);
  return p;
}

afterEach(async () => {
  for (const p of probes.splice(0)) p.source.close();
  for (const s of servers.splice(0)) await s.close();
  for (const l of logs.splice(0)) expect(l).not.toContain('pw@');
});

/** Validates a Digest Authorization header against user admin / password pw. */
function digestOk(req: FakeRequest, nonce: string): boolean {
  const h = req.headers.authorization;
  if (!h?.startsWith('Digest ')) return false;
  const p = parseChallenges([h])[0]!.params;
  if (p.nonce !== nonce) return false;
  const expected = digestResponse({
    username: 'admin',
    password: 'pw',
    realm: 'r',
    nonce,
    method: req.method,
    uri: p.uri ?? '',
    ...(p.qop ? { qop: 'auth' as const, nc: p.nc ?? '', cnonce: p.cnonce ?? '' } : {}),
  });
  return p.response === expected && p.uri === req.url;
}

const ok = 'RTSP/1.0 200 OK\r\n\r\n';
const challenge = (nonce: string, more = '') =>
  `RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm="r", nonce="${nonce}"${more}\r\n\r\n`;

/** A camera: Digest with qop=auth, session timeout 2 s, one IDR and P frames after PLAY. */
function camera(opts: {
  nonce: () => string;
  timeout?: number;
  onKeepalive?: (req: FakeRequest) => string | undefined;
}) {
  return (req: FakeRequest): Reply => {
    const nonce = opts.nonce();
    if (req.method === 'GET_PARAMETER' && opts.onKeepalive) {
      const r = opts.onKeepalive(req);
      if (r) return r;
    }
    if (!digestOk(req, nonce)) return challenge(nonce, ', qop="auth"');
    switch (req.method) {
      case 'OPTIONS':
        return 'RTSP/1.0 200 OK\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER\r\n\r\n';
      case 'DESCRIBE':
        return sdpReply(GSTREAMER_H264_SDP, `Content-Base: rtsp://127.0.0.1/cam/\r\n`);
      case 'SETUP':
        return `RTSP/1.0 200 OK\r\nSession: S1;timeout=${opts.timeout ?? 60}\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n`;
      case 'PLAY':
        return (socket) => {
          socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${req.headers.cseq}\r\nSession: S1\r\n\r\n`);
          socket.write(interleaved(1, new Uint8Array([0x80, 200, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0]))); // RTCP SR
          for (let i = 0; i < 5; i++) {
            socket.write(
              interleaved(
                0,
                rtp({ seq: 10 + i, ts: i * 3600, payload: i === 0 ? IDR : P_SLICE, marker: true }),
              ),
            );
          }
        };
      default:
        return ok;
    }
  };
}

describe('RTSP source (scripted server)', () => {
  it('signs with qop=auth, resolves the track under Content-Base, and emits FLV', async () => {
    const s = await serve(camera({ nonce: () => 'n1' }));
    const p = start(s);
    await p.waitFor(() => p.tags.length >= 6, 5000, 'sequence header and 5 frames');
    expect(videoTagInfo(p.tags[0]!.data).sequenceHeader).toBe(true);
    expect(p.tags.slice(1).map((t) => t.timestamp)).toEqual([0, 40, 80, 120, 160]);
    const setup = s.requests.find((r) => r.method === 'SETUP' && r.headers.authorization)!;
    expect(setup.url).toBe('rtsp://127.0.0.1/cam/stream=0');
    expect(setup.headers.transport).toBe('RTP/AVP/TCP;unicast;interleaved=0-1');
    expect(
      s.requests.find((r) => r.method === 'PLAY' && r.headers.authorization)!.headers.session,
    ).toBe('S1');
    const ncs = s.requests
      .map((r) => /nc=(\w+)/.exec(r.headers.authorization ?? '')?.[1])
      .filter(Boolean);
    expect(new Set(ncs).size).toBe(ncs.length); // nc increments
  });

  it('re-authenticates once when a keepalive meets a new nonce, then keeps playing', async () => {
    let nonce = 'n1';
    const s = await serve(camera({ nonce: () => nonce, timeout: 2 }));
    const p = start(s);
    await p.waitFor(() => p.tags.length >= 6, 5000, 'frames');
    nonce = 'n2'; // the server rotates its nonce
    const ka = () => s.requests.filter((r) => r.method === 'GET_PARAMETER');
    const until = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (ka().length >= n) {
            clearInterval(t);
            resolve();
          } else if (p.ends.length) {
            clearInterval(t);
            reject(new Error(p.ends[0]!.message));
          }
        }, 20);
      });
    await until(3);
    expect(ka()[0]!.headers.session).toBe('S1');
    expect(digestOk(ka()[1]!, 'n2')).toBe(true);
    expect(p.ends).toEqual([]);
  });

  it('ends with auth-failed when a keepalive is refused twice, without a loop', async () => {
    let refuse = false;
    let n = 0;
    const s = await serve(
      camera({
        nonce: () => 'n1',
        timeout: 2,
        onKeepalive: () => (refuse ? challenge(`k${++n}`) : undefined),
      }),
    );
    const p = start(s);
    await p.waitFor(() => p.tags.length >= 6, 5000, 'frames');
    refuse = true;
    const end = await endWithin(p, 5000);
    expect(end.code).toBe('auth-failed');
    expect(s.requests.filter((r) => r.method === 'GET_PARAMETER').length).toBeLessThanOrEqual(3);
  });

  it('maps SDPs without video and with MJPEG', async () => {
    for (const [sdp, code] of [
      [AUDIO_ONLY_SDP, 'no-video-track'],
      [MJPEG_SDP, 'unsupported-codec'],
    ] as const) {
      const s = await serve((req) => (req.method === 'DESCRIBE' ? sdpReply(sdp) : ok));
      const end = await endWithin(start(s, ''), 5000);
      expect(end.code).toBe(code);
      expect(end.message).toContain("Camera 'Cam 1'");
    }
  });

  it('maps 454 and 5xx to protocol-error with the status, and 403 to auth-failed', async () => {
    for (const [status, code] of [
      ['454 Session Not Found', 'protocol-error'],
      ['503 Service Unavailable', 'protocol-error'],
      ['403 Forbidden', 'auth-failed'],
    ] as const) {
      const s = await serve((req) =>
        req.method === 'DESCRIBE' ? `RTSP/1.0 ${status}\r\n\r\n` : ok,
      );
      const end = await endWithin(start(s, ''), 5000);
      expect(end.code).toBe(code);
      expect(end.message).toContain(status.slice(0, 3));
    }
  });

  it('ends with protocol-error on a response header over 64 KiB', async () => {
    const s = await serve(
      () => (socket) => socket.write(`RTSP/1.0 200 OK\r\nX: ${'a'.repeat(70_000)}`),
    );
    const end = await endWithin(start(s, ''), 5000);
    expect(end.code).toBe('protocol-error');
    expect(end.message).toContain('64 KiB');
  });

  it('ends with protocol-error when a server does not answer, and with ended when it hangs up', async () => {
    const silent = await serve(() => undefined);
    const end = await endWithin(
      probe(
        createRtspSource({
          url: `rtsp://127.0.0.1:${silent.port}/x`,
          label: 'Cam 1',
          requestTimeoutMs: 300,
        }),
      ),
      5000,
    );
    expect(end.code).toBe('protocol-error');
    expect(end.message).toContain('no answer to OPTIONS');
    const rude = await serve(() => (socket) => socket.destroy());
    expect((await endWithin(start(rude, ''), 5000)).code).toBe('ended');
  });

  it('ends with unreachable when the connection (here a TLS handshake) does not complete in time', async () => {
    // A plain TCP server that never speaks: rtsps:// waits for a handshake that never comes.
    const silent = await serve(() => undefined);
    const p = probe(
      createRtspSource({
        url: `rtsps://127.0.0.1:${silent.port}/x`,
        label: 'Cam 1',
        connectTimeoutMs: 300,
      }),
    );
    const end = await endWithin(p, 5000);
    expect(end.code).toBe('unreachable');
    expect(end.message).toContain('connect timeout');
  });

  it('never calls onEnd after close(), and sends TEARDOWN', async () => {
    const s = await serve(camera({ nonce: () => 'n1' }));
    const p = start(s);
    await p.waitFor(() => p.tags.length >= 2, 5000, 'frames');
    p.source.close();
    p.source.close();
    const sawTeardown = () => s.requests.some((r) => r.method === 'TEARDOWN');
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (sawTeardown()) {
          clearInterval(t);
          resolve();
        }
      }, 10);
    });
    for (const sock of s.sockets) sock.destroy();
    await new Promise((r) => setTimeout(r, 50)); // let a (wrong) onEnd surface if it would
    expect(p.ends).toEqual([]);
  });

  it('ends only once with a close() racing the connect', async () => {
    const s = await serve(camera({ nonce: () => 'n1' }));
    const p = start(s);
    p.source.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(p.ends).toEqual([]);
    expect(p.tags).toEqual([]);
  });
});
