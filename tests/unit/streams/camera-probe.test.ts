import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameRate } from '../../../electron/streams/core/probe-source';
import { probeEndpoint } from '../../../electron/streams/camera-probe';
import { LoginGate } from '../../../electron/streams/core/login-gate';
import { loginIdentity } from '../../../electron/streams/core/login-identity';
import { fakeRtspServer } from './protocols/rtsp/fake-rtsp-server';

const options = {
  label: 'Quầy thử',
  assetsDir: resolve(__dirname, '../../../assets'),
  log: () => {},
  loginGate: new LoginGate(),
};

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('probeEndpoint (Test in the camera form)', () => {
  it('reads codec, picture size and frame rate from a real stream (the demo clip’s H.264)', async () => {
    const outcome = await probeEndpoint({ url: 'demo:clip-1', kind: 'demo' }, options);
    expect(outcome).toMatchObject({ ok: true, codec: 'h264' });
    if (!outcome.ok) return;
    expect(outcome.width).toBeGreaterThan(0);
    expect(outcome.height).toBeGreaterThan(0);
    expect(outcome.fps).toBeGreaterThan(5);
  });

  it('says a refused connection in the tile’s words: unreachable, connection refused', async () => {
    const port = await closedPort();
    const outcome = await probeEndpoint(
      { url: `rtsp://127.0.0.1:${port}/cam`, kind: 'rtsp' },
      options,
    );
    expect(outcome).toMatchObject({
      ok: false,
      state: 'unreachable',
      reason: 'connection-refused',
      // Node's own words only: the form gives the advice in its language.
      detail: `ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('a refused password: the detail is the camera’s own answer, not a log sentence', async () => {
    const camera = await fakeRtspServer((req) =>
      req.method === 'OPTIONS'
        ? 'RTSP/1.0 200 OK\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n'
        : 'RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm="cam", nonce="n1"\r\n\r\n',
    );
    try {
      const outcome = await probeEndpoint(
        {
          url: `rtsp://127.0.0.1:${camera.port}/cam`,
          kind: 'rtsp',
          auth: { type: 'password', username: 'admin', password: 'Sai-Mat-Khau-1' },
        },
        { ...options, loginGate: null },
      );
      expect(outcome).toMatchObject({ ok: false, state: 'auth-failed', protocolStatus: 401 });
      expect(outcome).toHaveProperty('detail', 'RTSP 401 Unauthorized');
    } finally {
      await camera.close();
    }
  });

  it('a server that accepts and says nothing is "no picture" after the wait', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    try {
      const outcome = await probeEndpoint(
        { url: `http://127.0.0.1:${port}/live/a.flv`, kind: 'http-flv' },
        { ...options, mediaTimeoutMs: 300 },
      );
      expect(outcome).toMatchObject({ ok: false, state: 'no-media' });
      // Our own wait ran out: nothing the server said, so no detail line.
      expect(outcome).not.toHaveProperty('detail');
    } finally {
      silent.close();
    }
  });
});

describe('frameRate', () => {
  it('counts frames over the stream’s own time', () => {
    expect(frameRate([0, 40, 80, 120, 160])).toBe(25);
    expect(frameRate([1000, 1033, 1067, 1100])).toBe(30);
    expect(frameRate([0, 40])).toBeNull();
    expect(frameRate([5, 5, 5])).toBeNull();
  });

  it('credentials the camera refused are not tried again before the back-off: no connection at all', async () => {
    let connections = 0;
    const camera = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => camera.listen(0, '127.0.0.1', done));
    const { port } = camera.address() as { port: number };
    const url = `rtsp://127.0.0.1:${port}/cam`;
    const auth = { type: 'password' as const, username: 'admin', password: 'wrong' };
    const gate = new LoginGate({ now: () => 1_000_000 });
    // A tile's session was refused with these very credentials.
    const tile = gate.admit(loginIdentity(url, auth)!);
    if (!tile.go) throw new Error('the first login is admitted');
    const retryAt = tile.turn.refused();
    try {
      const outcome = await probeEndpoint(
        { url, kind: 'rtsp', auth },
        { ...options, loginGate: gate },
      );
      expect(outcome).toMatchObject({
        ok: false,
        state: 'auth-failed',
        login: { heldBack: true, retryAt },
      });
      expect(retryAt - 1_000_000).toBe(5 * 60_000);
      expect(connections).toBe(0);
      // Other credentials (IT fixed the password) are tried at once.
      const fixed = { ...auth, password: 'right' };
      const again = await probeEndpoint(
        { url, kind: 'rtsp', auth: fixed },
        { ...options, loginGate: gate, mediaTimeoutMs: 2000 },
      );
      expect(again).not.toHaveProperty('login');
      expect(connections).toBe(1);
    } finally {
      camera.close();
    }
  });
});
