import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcCheckCameraId } from '../../../electron/contract/pc-check';
import { withPcCheckStreams } from '../../../electron/streams/pc-check-resolver';
import type { StreamResolver } from '../../../electron/streams/core/stream-broker';

const wall: StreamResolver = (cameraId) => ({ error: `wall:${cameraId}` });
const resolve = withPcCheckStreams(wall, {
  assetsDir: join(import.meta.dirname, '../../../assets'),
  log: () => {},
});

describe('withPcCheckStreams', () => {
  it('serves the PC check ids from the demo clips and every other id from the wall', () => {
    const one = resolve(pcCheckCameraId(1), 'sub');
    expect('factory' in one && one.label).toBe('PC check 1');
    expect('login' in one).toBe(false);
    expect('factory' in resolve(pcCheckCameraId(25), 'sub')).toBe(true);
    expect(resolve('cam-doai', 'sub')).toEqual({ error: 'wall:cam-doai' });
  });

  it('streams a demo clip in H.264 for a PC check id', async () => {
    const resolved = resolve(pcCheckCameraId(3), 'sub');
    if ('error' in resolved) throw new Error(resolved.error);
    const codec = await new Promise<string>((done, fail) => {
      const source = resolved.factory({
        onTag: () => {},
        onCodec: (c) => {
          source.close();
          done(c);
        },
        onEnd: (failure) => fail(new Error(failure.message)),
      });
    });
    expect(codec).toBe('h264');
  });

  it('refuses a PC check id out of range', () => {
    expect(resolve(pcCheckCameraId(0), 'sub')).toEqual({
      error: 'There is no PC check stream "~pc-check-0".',
    });
    expect('error' in resolve('~pc-check-x', 'sub')).toBe(true);
    expect('error' in resolve(pcCheckCameraId(65), 'sub')).toBe(true);
  });
});
