// "Test" in the camera form against a real GStreamer RTSP server with Digest auth, through the
// wall's own verb (payload → draft schema → the RTSP source a tile uses → first keyframe):
// the right password finds H.264 at 640×360 and 25 fps, a wrong one says what a tile says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSettings } from '../../../electron/services/start-settings';
import { WallService } from '../../../electron/services/wall-service';
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
    expect(JSON.stringify(result)).not.toContain('wrong-password');
  }, 30_000);
});
