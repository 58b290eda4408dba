// "Test" in the camera form against a real GStreamer RTSP server with Digest auth, through the
// wall's own verb (payload → draft schema → the RTSP source a tile uses → first keyframe):
// the right password finds H.264 at 640×360 and 25 fps, a wrong one says what a tile says,
// and a second try of it waits for the camera's login back-off (counted at the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSettings } from '../../../electron/services/start-settings';
import { WallService } from '../../../electron/services/wall-service';
import { loginIdentity } from '../../../electron/streams/core/login-identity';
import { startRtspServer, type RtspServer } from '../../fixtures/rtsp-server/start-rtsp-server';

let server: RtspServer;
let service: WallService;
let dir: string;

beforeAll(async () => {
  server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'TestPa55-rtsp' });
  dir = mkdtempSync(join(tmpdir(), 'test-camera-'));
  const { control } = startSettings({
    configFile: null,
    dataDir: dir,
    pcCodec: null,
    log: () => {},
  });
  service = await WallService.start({
    settings: control.book.settings,
    configSource: control.book.source,
    settingsControl: control,
    memory: null,
    assetsDir: resolve(__dirname, '../../../assets'),
    allowedOrigins: () => ['app://wall'],
    log: () => {},
  });
  await service.handle('staff:set-pin', { pin: '2468' });
}, 30_000);

afterAll(async () => {
  await service?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const test = (password: string) =>
  service.handle('settings:test-camera', {
    quality: 'sub',
    endpoint: {
      url: server.url('/cam1'),
      auth: { type: 'password', username: 'admin', password: { value: password } },
    },
  });

const wrongLogin = () =>
  loginIdentity(server.url('/cam1'), {
    type: 'password',
    username: 'admin',
    password: 'wrong-password',
  })!;

describe('Test camera against a real RTSP server (Digest)', () => {
  it('the right password: codec, picture size and frame rate', async () => {
    const result = await test('TestPa55-rtsp');
    expect(result).toMatchObject({
      ok: true,
      value: { ok: true, codec: 'h264', width: 640, height: 360 },
    });
    const fps = (result as { value: { fps: number } }).value.fps;
    expect(fps).toBeGreaterThan(20);
    expect(fps).toBeLessThan(30);
  }, 30_000);

  it('a wrong password: the tile’s words (auth-failed, RTSP 401)', async () => {
    const result = await test('wrong-password');
    expect(result).toMatchObject({
      ok: true,
      value: { ok: false, state: 'auth-failed', protocolStatus: 401 },
    });
    // The detail is the server's own answer; the form words the advice itself.
    expect(result).toMatchObject({ value: { detail: 'RTSP 401 Unauthorized' } });
    expect(JSON.stringify(result)).not.toContain('wrong-password');
  }, 30_000);

  it('the wrong password again: not tried before the back-off, no failed login spent', async () => {
    // The test above was refused once (one failed login at the server); a camera locks the PC
    // out after a few, so the same credentials now wait for the back-off the tiles share.
    // The server reports the refusal on its own output, which may come after our 401.
    await vi.waitFor(() => expect(server.failedLogins()).toBe(1), { timeout: 5_000 });
    const spent = server.failedLogins();
    const before = Date.now();
    const result = await test('wrong-password');
    expect(result).toMatchObject({
      ok: true,
      value: { ok: false, state: 'auth-failed', login: { heldBack: true } },
    });
    const retryAt = (result as { value: { login: { retryAt: number } } }).value.login.retryAt;
    // The first refusal's back-off: 5 minutes from it.
    expect(retryAt).toBeGreaterThan(before + 4 * 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    // The very gate the wall's streams log in through holds the same date.
    expect(service.broker.loginGate.retryAt(wrongLogin())).toBe(retryAt);
    expect(server.failedLogins()).toBe(spent);
  }, 30_000);

  it('the corrected password is tried at once, and clears the back-off', async () => {
    const spent = server.failedLogins();
    const result = await test('TestPa55-rtsp');
    expect(result).toMatchObject({ ok: true, value: { ok: true, codec: 'h264' } });
    expect(server.failedLogins()).toBe(spent);
    expect(service.broker.loginGate.retryAt(wrongLogin())).toBeNull();
  }, 30_000);
});
