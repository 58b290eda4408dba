import { describe, expect, it } from 'vitest';
import { wallSnapshot } from '../../../electron/services/wall-snapshot';
import { cameraLabel } from '../../../electron/settings/camera-label';
import type { WallSettings, WallSettingsFile } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';

const SECRETS = ['Hik12345', 'b3arer-t0ken', 'nms-s1gning-key', 'url-pa55', 'query-t0ken', 'admin'];

const file: WallSettingsFile = {
  schemaVersion: 1,
  locale: 'vi',
  sites: [
    { id: 'huyen', name: 'Bộ phận Một cửa huyện Cẩm Giàng', shortName: 'Một cửa huyện' },
    { id: 'cam-doai', name: 'Xã Cẩm Đoài' },
  ],
  cameras: [
    {
      id: 'rtsp-cam',
      siteId: 'huyen',
      name: 'Quầy 1',
      streams: {
        sub: {
          url: 'rtsp://10.0.0.5:554/Streaming/Channels/102',
          auth: { type: 'password', username: 'admin', password: 'Hik12345' },
        },
        main: { url: 'rtsp://10.0.0.5:554/Streaming/Channels/101' },
      },
    },
    {
      id: 'bearer-cam',
      siteId: 'huyen',
      name: 'Quầy 2',
      streams: {
        sub: { url: 'https://gw/live/q2.flv', auth: { type: 'bearer', token: 'b3arer-t0ken' } },
      },
    },
    {
      id: 'signed-cam',
      siteId: 'cam-doai',
      name: 'Quầy 1',
      streams: {
        sub: { url: 'ws://gw/live/q3.flv', auth: { type: 'nms-sign', secret: 'nms-s1gning-key' } },
      },
    },
    {
      id: 'userinfo-cam',
      siteId: 'cam-doai',
      name: 'Quầy 2',
      availability: 'disabled',
      streams: {
        sub: { url: 'http://viewer:url-pa55@gw/live/q4.flv?token=query-t0ken' },
        main: { url: 'http://gw/live/q4-main.flv' },
      },
    },
    {
      id: 'demo-cam',
      siteId: 'cam-doai',
      name: 'Quầy 3',
      streams: { sub: { url: 'demo:clip-1?offset=3' } },
    },
  ],
  layout: { preset: '2x2', cameraIds: ['rtsp-cam', 'bearer-cam', 'signed-cam', null] },
};

// Through the parser, as the wall gets them: URL kinds and availability are filled in there.
const parsed = parseSettings(file);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const settings: WallSettings = parsed.settings;

const snapshot = wallSnapshot(settings, {
  gatewayBase: 'ws://127.0.0.1:41234/abc/live',
  configSource: 'file',
  layouts: [],
  displays: {},
});

describe('wallSnapshot', () => {
  it('carries no URL, password, token or signing secret', () => {
    const { gatewayBase: _gatewayBase, ...rest } = snapshot;
    const json = JSON.stringify(rest);
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/rtsp:|https?:|wss?:|demo:|10\.0\.0\.5|gw\//);
    expect(JSON.stringify(snapshot)).not.toMatch(/Hik12345|t0ken|s1gning|pa55/);
  });

  it('says which cameras have credentials, without them', () => {
    const has = Object.fromEntries(snapshot.cameras.map((c) => [c.id, c.hasCredentials]));
    expect(has).toEqual({
      'rtsp-cam': true,
      'bearer-cam': true,
      'signed-cam': true,
      'userinfo-cam': true,
      'demo-cam': false,
    });
  });

  it('describes each camera by kind, availability and main stream', () => {
    expect(snapshot.cameras.map((c) => [c.id, c.kind, c.availability, c.hasMainStream])).toEqual([
      ['rtsp-cam', 'rtsp', 'installed', true],
      ['bearer-cam', 'flv', 'installed', false],
      ['signed-cam', 'flv', 'installed', false],
      ['userinfo-cam', 'flv', 'disabled', true],
      ['demo-cam', 'demo', 'installed', false],
    ]);
  });

  it('gives every site a short name', () => {
    expect(snapshot.sites).toEqual([
      { id: 'huyen', name: 'Bộ phận Một cửa huyện Cẩm Giàng', shortName: 'Một cửa huyện' },
      { id: 'cam-doai', name: 'Xã Cẩm Đoài', shortName: 'Xã Cẩm Đoài' },
    ]);
  });

  it('passes layout, locale and the extras through', () => {
    expect(snapshot).toMatchObject({
      productName: 'One-Stop Wall',
      layouts: [],
      displays: {},
      locale: 'vi',
      configSource: 'file',
      gatewayBase: 'ws://127.0.0.1:41234/abc/live',
    });
  });
});

describe('cameraLabel', () => {
  it('joins the site short name and the camera name', () => {
    expect(cameraLabel(settings, settings.cameras[0]!)).toBe('Một cửa huyện · Quầy 1');
    expect(cameraLabel(settings, settings.cameras[2]!)).toBe('Xã Cẩm Đoài · Quầy 1');
  });
});
