import { describe, expect, it } from 'vitest';
import { demoSettings } from '../../../electron/settings/demo-config';
import { createStreamResolver } from '../../../electron/streams/stream-resolver';

const resolve = createStreamResolver(demoSettings(), { assetsDir: 'assets', log: () => {} });

describe('createStreamResolver', () => {
  it('names an unknown camera', () => {
    expect(resolve('nope', 'sub')).toEqual({ error: 'There is no camera "nope".' });
  });

  it('gives a camera that is not installed no stream', () => {
    expect(resolve('cam-vu-quay-1', 'sub')).toEqual({
      error: "Camera 'Cẩm Vũ · Quầy tiếp nhận' is not-installed; it has no stream.",
    });
  });

  it('labels an installed camera and serves main from sub when there is no main stream', () => {
    for (const quality of ['sub', 'main'] as const) {
      const resolved = resolve('huyen-quay-1', quality);
      expect(resolved).toMatchObject({ label: 'Một cửa huyện · Quầy tiếp nhận' });
      expect('factory' in resolved && typeof resolved.factory).toBe('function');
    }
  });
});
