import { describe, expect, it } from 'vitest';
import { demoSettings } from '../../../electron/settings/demo-config';
import { parseSettings } from '../../../electron/settings/validate-settings';

function base(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
    cameras: [
      {
        id: 'cam-1',
        siteId: 'huyen',
        name: 'Quầy 1',
        streams: { sub: { url: 'http://gw:8000/live/cam1.flv' } },
      },
    ],
    layout: { preset: '2x2', cameraIds: ['cam-1'] },
  };
}

function errorsOf(input: unknown): string[] {
  const result = parseSettings(input);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.errors;
}

function withCamera(camera: Record<string, unknown>): Record<string, unknown> {
  const settings = base();
  settings.cameras = [{ ...(settings.cameras as object[])[0], ...camera }];
  return settings;
}

describe('parseSettings', () => {
  it('accepts the demo wall', () => {
    const result = parseSettings(demoSettings());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.settings).toEqual(demoSettings());
  });

  it.each([
    ['rtsp://10.0.0.5/Streaming/Channels/102', 'rtsp'],
    ['rtsps://10.0.0.5:322/x', 'rtsp'],
    ['https://gw/live/a.flv?token=t', 'http-flv'],
    ['wss://gw/live/a.flv', 'ws-flv'],
    ['demo:clip-1?offset=3', 'demo'],
  ])('classifies %s once, as %s, and defaults availability to installed', (url, kind) => {
    const result = parseSettings(withCamera({ streams: { sub: { url }, main: { url } } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const camera = result.settings.cameras[0]!;
    expect(camera.availability).toBe('installed');
    expect(camera.streams.sub).toEqual({ url, kind });
    expect(camera.streams.main).toEqual({ url, kind });
  });

  it('accepts a minimal file, fills defaults and pads the layout', () => {
    const input = base();
    delete input.locale;
    const result = parseSettings(input);
    expect(result).toMatchObject({
      ok: true,
      settings: { locale: 'vi', layout: { preset: '2x2', cameraIds: ['cam-1', null, null, null] } },
    });
  });

  it('accepts every auth kind', () => {
    const settings = withCamera({
      streams: {
        sub: { url: 'http://gw/live/a.flv', auth: { type: 'bearer', token: 't' } },
        main: {
          url: 'ws://gw/live/a.flv',
          auth: { type: 'nms-sign', secret: 's', ttlSeconds: 60 },
        },
      },
    });
    expect(parseSettings(settings).ok).toBe(true);
    const rtsp = withCamera({
      streams: {
        sub: { url: 'rtsp://cam/1', auth: { type: 'password', username: 'u', password: '' } },
      },
    });
    expect(parseSettings(rtsp).ok).toBe(true);
  });

  it('refuses something that is not an object', () => {
    for (const input of [null, 42, 'x', []])
      expect(errorsOf(input)).toEqual(['(top level): must be a JSON object']);
  });

  it('names the field path in every error, and reports all problems at once', () => {
    const errors = errorsOf({
      schemaVersion: 99,
      locale: 'fr',
      sites: [{ id: 'bad id!', name: '' }, 'x'],
      cameras: [
        {
          id: 'c1',
          siteId: 'nowhere',
          name: 'A',
          availability: 'maybe',
          streams: { sub: { url: 'http://g/a.flv' } },
        },
        { id: 'c2', siteId: 'nowhere', name: 'B', streams: {} },
        {
          id: 'c3',
          siteId: 'nowhere',
          name: 'C',
          streams: { sub: { url: 'http://g/a.flv', auth: { type: 'magic' } } },
        },
      ],
      layout: { preset: '9x9', cameraIds: [] },
    });
    const paths = errors.map((e) => e.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'locale',
        'sites[0].id',
        'sites[0].name',
        'sites[1]',
        'cameras[0].availability',
        'cameras[1].streams.sub',
        'cameras[2].streams.sub.auth.type',
        'layout.preset',
      ]),
    );
    for (const error of errors) expect(error).toMatch(/^[\w[\].()\s]+: \S/);
  });

  it('names a camera whose site does not exist', () => {
    expect(errorsOf(withCamera({ siteId: 'nowhere' }))).toEqual([
      'cameras[0].siteId: no site has the id "nowhere"',
    ]);
  });

  it('does not blame the layout for a camera that is refused for another reason', () => {
    expect(errorsOf(withCamera({ streams: { sub: { url: 'ftp://gw/x' } } }))).toEqual([
      expect.stringMatching(/^cameras\[0\]\.streams\.sub\.url: /),
    ]);
  });

  it('names duplicate ids', () => {
    const settings = base();
    settings.sites = [
      { id: 'a', name: 'A' },
      { id: 'a', name: 'A again' },
    ];
    settings.cameras = [];
    settings.layout = { preset: '1x1', cameraIds: [] };
    expect(errorsOf(settings)).toEqual(['sites[1].id: "a" is used twice']);
    const cams = base();
    cams.cameras = [(cams.cameras as object[])[0], (cams.cameras as object[])[0]];
    expect(errorsOf(cams)).toEqual(['cameras[1].id: "cam-1" is used twice']);
  });

  it('names layout problems: too many cells, unknown camera ids', () => {
    const settings = base();
    settings.layout = { preset: '1x1', cameraIds: ['cam-1', 'ghost'] };
    const errors = errorsOf(settings);
    expect(errors).toContain('layout.cameraIds: has 2 entries; preset 1x1 has 1 cells');
    expect(errors).toContain('layout.cameraIds[1]: no camera has the id "ghost"');
  });

  it('names auth problems', () => {
    expect(
      errorsOf(
        withCamera({
          streams: {
            sub: {
              url: 'http://g/a.flv',
              auth: { type: 'nms-sign', secret: 's', ttlSeconds: 1.5 },
            },
          },
        }),
      ),
    ).toEqual([
      'cameras[0].streams.sub.auth.ttlSeconds: must be a whole number of seconds, at least 10',
    ]);
    expect(
      errorsOf(
        withCamera({
          streams: { sub: { url: 'http://g/a.flv', auth: { type: 'password', username: 'u' } } },
        }),
      ),
    ).toEqual(['cameras[0].streams.sub.auth.password: must be a text']);
    expect(
      errorsOf(
        withCamera({
          streams: { sub: { url: 'http://g/a.flv', auth: { type: 'bearer', token: ' ' } } },
        }),
      ),
    ).toEqual(['cameras[0].streams.sub.auth.token: must be a non-empty text']);
  });

  it('explains an ftp:// URL without echoing its password', () => {
    const errors = errorsOf(
      withCamera({ streams: { sub: { url: 'ftp://admin:Hik12345@10.0.0.5/cam1' } } }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cameras\[0\]\.streams\.sub\.url: .*not a stream URL.*rtsp:\/\//);
    expect(errors[0]).not.toContain('Hik12345');
    expect(errors[0]).not.toContain('admin');
  });

  it('takes an MPEG-TS URL over HTTP(S) as its own kind', () => {
    const result = parseSettings(
      withCamera({ streams: { sub: { url: 'https://gw/live/cam1.ts' } } }),
    );
    expect(result.ok && result.settings.cameras[0]?.streams.sub.kind).toBe('http-ts');
  });

  it('never echoes a password or token from a refused URL, however it is written', () => {
    const urls = [
      'http://admin:s3cr3t@gw/live/cam1.mp4',
      'http://admin:s3/cr3t@gw/live/cam1.mp4',
      'ftp://admin:s3@cr3t@host/x',
      'http://gw/live/cam1.m3u8?token=s3cr3t',
      'http://gw/live/cam1.mp4?sign=1700000000-s3cr3t',
      'gopher://admin:s3cr3t@host name/x',
    ];
    for (const url of urls) {
      const errors = errorsOf(withCamera({ streams: { sub: { url } } }));
      expect(errors.join('\n'), url).not.toMatch(/s3cr3t|cr3t/);
    }
  });

  it('refuses a non-text URL', () => {
    expect(errorsOf(withCamera({ streams: { sub: { url: 42 } } }))).toEqual([
      'cameras[0].streams.sub.url: must be a text',
    ]);
  });
});

describe('parseSettings layout preset', () => {
  it('refuses inherited property names as presets', () => {
    for (const preset of ['toString', 'constructor', '__proto__']) {
      const settings = base();
      settings.layout = { preset, cameraIds: [] };
      expect(errorsOf(settings), preset).toEqual([expect.stringMatching(/^layout\.preset: /)]);
    }
  });

  it('says what an unknown preset should be in Vietnamese too, without English inside', () => {
    const settings = base();
    settings.layout = { preset: '5x7', cameraIds: [] };
    const result = parseSettings(settings);
    if (result.ok) throw new Error('expected the settings to be refused');
    expect(result.problems).toEqual([
      expect.objectContaining({
        field: 'layout.preset',
        code: 'invalid-preset',
        message: {
          en: 'must be one of 1x1, 2x2, 3x3, 4x4, 5x4, 5x5',
          vi: 'Bố cục phải là một trong: 1x1, 2x2, 3x3, 4x4, 5x4, 5x5.',
        },
      }),
    ]);
  });
});
