import { describe, expect, it } from 'vitest';
import { describeConfigLocation, locateConfig } from '../../../electron/settings/config-location';

const none = () => false;

describe('locateConfig', () => {
  it('prefers --config, then the environment, then wall.json in the data folder, then the demo', () => {
    const all = { exists: () => true, dataFolderFile: '/data/wall.json' };
    expect(locateConfig({ ...all, argument: 'a.json', environment: 'e.json' })).toEqual({
      source: 'argument',
      file: 'a.json',
    });
    expect(locateConfig({ ...all, argument: null, environment: 'e.json' })).toEqual({
      source: 'environment',
      file: 'e.json',
    });
    expect(locateConfig({ ...all, argument: null, environment: undefined })).toEqual({
      source: 'data-folder',
      file: '/data/wall.json',
    });
    expect(
      locateConfig({
        argument: null,
        environment: '',
        dataFolderFile: '/data/wall.json',
        exists: none,
      }),
    ).toEqual({ source: 'demo', file: null });
  });

  it('says where the configuration came from', () => {
    expect(describeConfigLocation({ source: 'demo', file: null })).toMatch(/demo/);
    expect(describeConfigLocation({ source: 'data-folder', file: '/d/wall.json' })).toContain(
      '/d/wall.json',
    );
  });
});
