// The example configuration in the docs must stay a valid configuration.
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../electron/settings/load-config-file';

describe('docs/wall.example.json', () => {
  it('passes the settings schema', () => {
    const settings = loadConfigFile('docs/wall.example.json');
    expect(settings.cameras.map((c) => c.id)).toEqual([
      'huyen-quay-1',
      'cam-doai-quay-1',
      'lai-cach-quay-1',
      'cam-vu-quay-1',
    ]);
    expect(settings.cameras[3]?.availability).toBe('not-installed');
  });
});
