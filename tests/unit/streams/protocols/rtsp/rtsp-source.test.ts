// The RTSP source against a scripted server: auth variants, keepalive re-authentication,
// failure codes for odd answers, hostile framing, RTCP, and close() semantics.
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

/** Waits on a condition, with a deadline on this machine's clock whatever the fake one does. */
const WAIT = { timeout: 5_000, interval: 10 };
const WAIT_KEEPALIVES = { timeout: 5_000, interval: 20 };
/** Only timers are faked: sockets still need the real event loop. */
const TIMERS: NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake'] = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
];
/** Longer than every timer a source sets: connect and request timeouts (10 s), keepalives. */
const PAST_EVERY_TIMEOUT_MS = 120_000;

/** The sockets the source opens, so a test can wait for their 'close'. */
function watchClientSockets(): net.Socket[] {
  const opened: net.Socket[] = [];
  const connect = net.connect.bind(net) as (options: net.NetConnectOpts) => net.Socket;
  vi.spyOn(net, 'connect').mockImplementation(((options: net.NetConnectOpts) => {
    const socket = connect(options);
    opened.push(socket);
    return socket;
  }) as typeof net.connect);
  return opened;
}

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
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
    // Keepalives come every second (half the 2 s session timeout): three within 5 s.
    await vi.waitFor(() => {
      expect(p.ends).toEqual([]);
      expect(ka().length).toBeGreaterThanOrEqual(3);
    }, WAIT_KEEPALIVES);
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
    vi.useFakeTimers({ toFake: TIMERS });
    const clientSockets = watchClientSockets();
    const s = await serve(camera({ nonce: () => 'n1' }));
    const p = start(s);
    await vi.waitFor(() => expect(p.tags.length).toBeGreaterThanOrEqual(2), WAIT);
    p.source.close();
    p.source.close();
    await vi.waitFor(() => expect(s.requests.map((r) => r.method)).toContain('TEARDOWN'), WAIT);
    for (const sock of s.sockets) sock.destroy();
    // Nothing may end the source now: not the socket's close, the last I/O event it gets…
    await vi.waitFor(() => expect(clientSockets.map((c) => c.closed)).toEqual([true]), WAIT);
    // …nor any timer it might have left behind (request timeouts, keepalive, the close grace).
    await vi.advanceTimersByTimeAsync(PAST_EVERY_TIMEOUT_MS);
    expect(p.ends).toEqual([]);
    expect(s.requests.filter((r) => r.method === 'TEARDOWN')).toHaveLength(1);
  });

  it('never ends, and sends nothing, when close() races the connect', async () => {
    vi.useFakeTimers({ toFake: TIMERS });
    const clientSockets = watchClientSockets();
    const s = await serve(camera({ nonce: () => 'n1' }));
    const p = start(s);
    p.source.close();
    // The attempt is over once its socket has closed (the connect fails on it) …
    await vi.waitFor(() => expect(clientSockets.map((c) => c.closed)).toEqual([true]), WAIT);
    // … and its connect timeout (10 s) would have fired by now had close() left it running.
    await vi.advanceTimersByTimeAsync(PAST_EVERY_TIMEOUT_MS);
    expect(vi.getTimerCount()).toBe(0);
    expect(p.ends).toEqual([]);
    expect(p.tags).toEqual([]);
    expect(s.requests).toEqual([]);
  });
});
