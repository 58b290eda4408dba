import { describe, expect, it } from 'vitest';
import {
  accessUnitUrl,
  gatewayBaseUrl,
  parseStreamPath,
  replayUrl,
  streamKey,
  streamUrl,
} from '../../../electron/contract/stream-path';

describe('the stream path', () => {
  it('builds the base and a tile’s URL', () => {
    const base = gatewayBaseUrl(41234, 'abc');
    expect(base).toBe('ws://127.0.0.1:41234/abc/live');
    expect(streamUrl(base, 'cẩm 1', 'sub')).toBe(
      'ws://127.0.0.1:41234/abc/live/c%E1%BA%A9m%201/sub.flv',
    );
    expect(streamUrl(`${base}/`, 'cam', 'main')).toBe('ws://127.0.0.1:41234/abc/live/cam/main.flv');
  });

  it('parses what it builds', () => {
    const path = new URL(streamUrl(gatewayBaseUrl(1, 'abc'), 'cẩm 1', 'main')).pathname;
    expect(parseStreamPath(path)).toEqual({ secret: 'abc', cameraId: 'cẩm 1', quality: 'main' });
    expect(parseStreamPath(`${path}?t=1`)).toMatchObject({ cameraId: 'cẩm 1' });
  });

  it('parses nothing else, and marks a broken camera id', () => {
    for (const path of ['/', '/abc/live/cam/hd.flv', '/abc/live//sub.flv', '/abc/x/cam/sub.flv']) {
      expect(parseStreamPath(path), path).toBeNull();
    }
    expect(parseStreamPath('/abc/live/%E0%A4%A/sub.flv')).toMatchObject({ cameraId: null });
  });

  it('builds and parses an instant replay of the last N seconds', () => {
    const url = replayUrl('ws://127.0.0.1:41234/abc/live', 'cẩm 1', 'main', 30);
    expect(url).toBe('ws://127.0.0.1:41234/abc/replay/30/c%E1%BA%A9m%201/main.flv');
    expect(parseStreamPath(new URL(url).pathname)).toEqual({
      secret: 'abc',
      cameraId: 'cẩm 1',
      quality: 'main',
      replaySeconds: 30,
    });
    for (const path of [
      '/abc/replay/cam/sub.flv',
      '/abc/replay/1000/cam/sub.flv',
      '/abc/replay/x/cam/sub.flv',
    ]) {
      expect(parseStreamPath(path), path).toBeNull();
    }
  });

  it('names the same live stream as access units, for a WebCodecs tile', () => {
    const flv = streamUrl(gatewayBaseUrl(1, 'abc'), 'cam.flv', 'sub');
    const au = accessUnitUrl(flv);
    expect(au).toBe('ws://127.0.0.1:1/abc/live/cam.flv/sub.au');
    expect(parseStreamPath(new URL(au).pathname)).toEqual({
      secret: 'abc',
      cameraId: 'cam.flv',
      quality: 'sub',
      format: 'au',
    });
    expect(parseStreamPath('/abc/replay/10/cam/sub.au')).toMatchObject({
      format: 'au',
      replaySeconds: 10,
    });
    expect(parseStreamPath('/abc/live/cam/sub.mp4')).toBeNull();
  });

  it('keys a session by camera and quality', () => {
    expect(streamKey('cam-a', 'sub')).toBe('cam-a|sub');
    expect(streamKey('cam-a', 'main')).not.toBe(streamKey('cam-a', 'sub'));
  });
});
