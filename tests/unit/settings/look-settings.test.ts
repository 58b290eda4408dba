import { describe, expect, it } from 'vitest';
import {
  parseLookSettings,
  replayLimits,
  REPLAY_BYTES_PER_SECOND,
} from '../../../electron/settings/look-settings';
import { parseSettings } from '../../../electron/settings/validate-settings';

function parse(input: Record<string, unknown>) {
  const errors: string[] = [];
  const value = parseLookSettings(input, (path, message) => errors.push(`${path}: ${message}`));
  return { value, errors };
}

describe('look-closer settings', () => {
  it('keeps 60 s of replay by default, bounded in bytes by its length', () => {
    expect(parse({})).toEqual({ value: {}, errors: [] });
    expect(replayLimits({})).toEqual({ maxMs: 60_000, maxBytes: 60 * REPLAY_BYTES_PER_SECOND });
    expect(replayLimits({ replaySeconds: 0 }).maxMs).toBe(0);
  });

  it('accepts a replay length and an absolute snapshot folder', () => {
    expect(parse({ replaySeconds: 30, snapshotFolder: ' /srv/pictures ' }).value).toEqual({
      replaySeconds: 30,
      snapshotFolder: '/srv/pictures',
    });
  });

  it('names the field and what to write when either is wrong', () => {
    const { errors } = parse({ replaySeconds: 601, snapshotFolder: 'pictures' });
    expect(errors).toEqual([
      'replaySeconds: must be a whole number of seconds from 0 to 300',
      expect.stringMatching(/^snapshotFolder: must be the full path of a folder/),
    ]);
    expect(parse({ replaySeconds: '60' }).errors).toHaveLength(1);
  });

  it('is part of the configuration file', () => {
    const result = parseSettings({
      schemaVersion: 1,
      sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
      cameras: [],
      layout: { preset: '1x1', cameraIds: [] },
      replaySeconds: 10,
    });
    expect(result.ok && result.settings.replaySeconds).toBe(10);
    const refused = parseSettings({ ...{ schemaVersion: 1 }, replaySeconds: -1 });
    expect(!refused.ok && refused.errors.some((e) => e.startsWith('replaySeconds'))).toBe(true);
  });
});
