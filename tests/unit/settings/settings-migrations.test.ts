import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  migrateSettings,
} from '../../../electron/settings/settings-migrations';
import { parseSettings } from '../../../electron/settings/validate-settings';

function version1(url: string, auth?: object): Record<string, unknown> {
  return {
    schemaVersion: 1,
    sites: [{ id: 'huyen', name: 'Một cửa huyện' }],
    cameras: [
      {
        id: 'cam-1',
        siteId: 'huyen',
        name: 'Quầy 1',
        streams: { sub: { url, ...(auth ? { auth } : {}) }, main: { url } },
      },
    ],
    layout: { preset: '1x1', cameraIds: ['cam-1'] },
  };
}

describe('settings migrations', () => {
  it('the current version is 2', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
  });

  it('1 → 2 moves user:password out of every URL into auth, decoded', () => {
    const migrated = migrateSettings(
      version1('rtsp://admin:p%40ss@10.0.0.5:554/Streaming/Channels/102'),
    );
    expect(migrated.ok && migrated.from).toBe(1);
    if (!migrated.ok) return;
    const doc = migrated.document as { schemaVersion: number; cameras: { streams: object }[] };
    expect(doc.schemaVersion).toBe(2);
    const endpoint = {
      url: 'rtsp://10.0.0.5:554/Streaming/Channels/102',
      auth: { type: 'password', username: 'admin', password: 'p@ss' },
    };
    expect(doc.cameras[0]!.streams).toEqual({ sub: endpoint, main: endpoint });
  });

  it('1 → 2 keeps an explicit auth over the URL’s and leaves odd entries for the schema', () => {
    const auth = { type: 'password', username: 'viewer', password: 'right' };
    const input = version1('rtsp://admin:wrong@cam/1', auth);
    (input.cameras as unknown[]).push('not a camera', { streams: { sub: 42 } });
    const migrated = migrateSettings(input);
    if (!migrated.ok) throw new Error('expected a migration');
    const cameras = (migrated.document as { cameras: unknown[] }).cameras;
    expect(cameras[0]).toMatchObject({ streams: { sub: { url: 'rtsp://cam/1', auth } } });
    expect(cameras.slice(1)).toEqual(['not a camera', { streams: { sub: 42 } }]);
  });

  it('2 is read as it is', () => {
    const doc = { ...version1('rtsp://cam/1'), schemaVersion: 2 };
    expect(migrateSettings(doc)).toEqual({ ok: true, document: doc, from: 2 });
  });

  it('refuses a newer version and a version that is not a whole number ≥ 1', () => {
    const newer = migrateSettings({ schemaVersion: 3 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.problem).toContain('newer version');
    for (const v of [0, 1.5, '1', undefined]) {
      const bad = migrateSettings({ schemaVersion: v });
      expect(bad.ok ? null : bad.problem, String(v)).toBe('must be 1 or 2');
    }
  });

  it('a version-1 file parses to current settings with no credentials in URLs', () => {
    const result = parseSettings(version1('rtsp://admin:pw@cam/1'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.settings.schemaVersion).toBe(2);
    expect(result.settings.cameras[0]!.streams.sub).toEqual({
      url: 'rtsp://cam/1',
      kind: 'rtsp',
      auth: { type: 'password', username: 'admin', password: 'pw' },
    });
  });
});

describe('field errors from the schema', () => {
  it('carries path, code and both languages', () => {
    const result = parseSettings({ ...version1('ftp://cam/1'), locale: 'fr' });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['locale'], field: 'locale', code: 'invalid-locale' }),
        expect.objectContaining({
          path: ['cameras', 0, 'streams', 'sub', 'url'],
          field: 'cameras[0].streams.sub.url',
          code: 'unsupported-url',
        }),
      ]),
    );
    for (const p of result.problems) {
      expect(p.message.vi.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
    expect(result.problems.find((p) => p.code === 'invalid-locale')!.message.vi).toBe(
      'Phải là "vi" hoặc "en".',
    );
  });
});
