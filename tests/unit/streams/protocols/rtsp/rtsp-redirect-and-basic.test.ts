// RTSP DESCRIBE redirects (same host with credentials, another host only when allowed and
// then without them, loops and a fourth hop refused) and Basic over rtsp:// refused unless
// the configuration allows it, against scripted servers.
import { afterEach, describe, expect, it } from 'vitest';
import { createRtspSource } from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
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
import { GSTREAMER_H264_SDP, IDR, P_SLICE, interleaved, rtp } from './samples';

const servers: FakeServer[] = [];
const probes: SourceProbe[] = [];
const BASIC = `Basic ${Buffer.from('admin:pw').toString('base64')}`;

afterEach(async () => {
  for (const p of probes.splice(0)) p.source.close();
  for (const s of servers.splice(0)) await s.close();
});

async function serve(respond: (req: FakeRequest) => Reply): Promise<FakeServer> {
  const s = await fakeRtspServer(respond);
  servers.push(s);
  return s;
}

function start(url: string, extra: object = {}): SourceProbe {
  const p = probe(createRtspSource({ url, label: 'Cam 1', ...extra }));
  probes.push(p);
  return p;
}

/** A camera without auth: answers the play sequence and sends an IDR and P frames. */
function play(req: FakeRequest): Reply {
  switch (req.method) {
    case 'DESCRIBE':
      return sdpReply(GSTREAMER_H264_SDP);
    case 'SETUP':
      return 'RTSP/1.0 200 OK\r\nSession: S1\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n';
    case 'PLAY':
      return (socket) => {
        socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${req.headers.cseq}\r\nSession: S1\r\n\r\n`);
        for (let i = 0; i < 3; i++) {
          const payload = i === 0 ? IDR : P_SLICE;
          socket.write(interleaved(0, rtp({ seq: i, ts: i * 3600, payload, marker: true })));
        }
      };
    default:
      return 'RTSP/1.0 200 OK\r\n\r\n';
  }
}

const redirect = (location: string) =>
  `RTSP/1.0 302 Moved Temporarily\r\nLocation: ${location}\r\n\r\n`;
const basicChallenge = 'RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm="cam"\r\n\r\n';
const path = (req: FakeRequest) => new URL(req.url).pathname;

describe('RTSP DESCRIBE redirects', () => {
  it('follows a redirect on the same host and signs in there with the same credentials', async () => {
    const s = await serve((req) => {
      if (req.method === 'DESCRIBE' && path(req) === '/cam') return redirect('/real');
      if (path(req) === '/real' && req.headers.authorization !== BASIC) return basicChallenge;
      return play(req);
    });
    const p = start(`rtsp://admin:pw@127.0.0.1:${s.port}/cam`, { allowBasicOverCleartext: true });
    await p.waitFor(() => p.tags.length >= 2, 5000, 'a picture after the redirect');
    const signed = s.requests.filter((r) => r.headers.authorization === BASIC);
    expect(signed.some((r) => r.method === 'DESCRIBE' && path(r) === '/real')).toBe(true);
  });

  it('refuses another server the configuration does not allow, which then sees nothing', async () => {
    const other = await serve(play);
    const s = await serve((req) =>
      req.method === 'DESCRIBE' ? redirect(`rtsp://127.0.0.1:${other.port}/cam`) : play(req),
    );
    const end = await endWithin(start(`rtsp://admin:pw@127.0.0.1:${s.port}/cam`), 5000);
    expect(end).toMatchObject({ code: 'protocol-error', reason: 'redirect-refused' });
    expect(end.message).toContain(`allowRedirectTo`);
    expect(end.message).toContain(`127.0.0.1:${other.port}`);
    expect(end.message).not.toContain('pw');
    expect(other.requests).toEqual([]);
  });

  it('follows an allowed server without sending it the credentials', async () => {
    const other = await serve(play);
    const s = await serve((req) => {
      if (req.headers.authorization !== BASIC) return basicChallenge;
      return req.method === 'DESCRIBE' ? redirect(`rtsp://127.0.0.1:${other.port}/cam`) : play(req);
    });
    const p = start(`rtsp://admin:pw@127.0.0.1:${s.port}/cam`, {
      allowBasicOverCleartext: true,
      allowRedirectTo: [`127.0.0.1:${other.port}`],
    });
    await p.waitFor(() => p.tags.length >= 2, 5000, 'a picture from the other server');
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('ends with redirect-loop on a Location already visited', async () => {
    const s = await serve((req) =>
      req.method === 'DESCRIBE' ? redirect(path(req) === '/cam' ? '/b' : '/cam') : play(req),
    );
    const end = await endWithin(start(`rtsp://127.0.0.1:${s.port}/cam`), 5000);
    expect(end).toMatchObject({
      code: 'protocol-error',
      reason: 'redirect-loop',
      protocolStatus: 302,
    });
    expect(s.requests.filter((r) => r.method === 'DESCRIBE')).toHaveLength(2);
  });

  it('follows three redirects and refuses a fourth', async () => {
    const s = await serve((req) => {
      const n = Number(/^\/r(\d)$/.exec(path(req))?.[1] ?? 0);
      return req.method === 'DESCRIBE' ? redirect(`/r${n + 1}`) : play(req);
    });
    const end = await endWithin(start(`rtsp://127.0.0.1:${s.port}/cam`), 5000);
    expect(end.reason).toBe('redirect-loop');
    expect(s.requests.filter((r) => r.method === 'DESCRIBE').map(path)).toEqual([
      '/cam',
      '/r1',
      '/r2',
      '/r3',
    ]);
  });
});

describe('RTSP Basic over cleartext', () => {
  const basicCamera = (req: FakeRequest): Reply =>
    req.headers.authorization === BASIC ? play(req) : basicChallenge;

  it('refuses a Basic-only camera over rtsp:// without sending the password', async () => {
    const s = await serve(basicCamera);
    const end = await endWithin(start(`rtsp://admin:pw@127.0.0.1:${s.port}/cam`), 5000);
    expect(end).toMatchObject({ code: 'protocol-error', reason: 'basic-over-cleartext' });
    expect(end.message).toContain('allowBasicOverCleartext');
    expect(s.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
  });

  it('plays a Basic-only camera when the configuration allows it', async () => {
    const s = await serve(basicCamera);
    const p = start(`rtsp://admin:pw@127.0.0.1:${s.port}/cam`, { allowBasicOverCleartext: true });
    await p.waitFor(() => p.tags.length >= 2, 5000, 'a picture');
  });
});
