import { describe, expect, it } from 'vitest';
import {
  describeChanges,
  streamHost,
  summariseChanges,
} from '../../../electron/provisioning/describe-changes';
import { SECRET, wall } from './bundle-fixtures';

type Cam = { id: string; name: string; siteId: string; streams: Record<string, object> };

describe('describeChanges', () => {
  it('lists centres added, removed and renamed', () => {
    const next = wall();
    next.sites = [
      { id: 'huyen', name: 'Một cửa huyện Cẩm Giàng' },
      { id: 'lai-cach', name: 'Thị trấn Lai Cách' },
    ];
    expect(describeChanges(wall(), next).lines).toEqual([
      'Centre renamed: "Bộ phận Một cửa huyện" → "Một cửa huyện Cẩm Giàng" (huyen)',
      'Centre added: "Thị trấn Lai Cách" (lai-cach)',
      'Centre removed: "Xã Cẩm Đoài" (cam-doai)',
    ]);
  });

  it('names stream hosts only and never a secret, a path, a query or userinfo', () => {
    const next = wall();
    const cams = next.cameras as Cam[];
    cams[0]!.streams.sub = {
      url: 'rtsp://admin:UrlPass@192.0.2.99:8554/private/path?token=QueryTok',
      auth: { type: 'password', username: 'viewer', password: 'NewPass-123' },
    };
    cams[1]!.streams.sub = { url: 'rtsp://192.0.2.20:554/cam?token=NewQueryTok2' };
    cams.push({
      id: 'new-1',
      name: 'Mới',
      siteId: 'huyen',
      streams: { sub: { url: 'https://u:p@gw.example:8443/live/x.flv?sign=zzz' } },
    });
    const report = describeChanges(wall(), next);
    const text = report.lines.join('\n');
    for (const hidden of [
      SECRET,
      'NewPass-123',
      'UrlPass',
      'QueryTok',
      'admin',
      'private',
      'zzz',
      'NewQueryTok2',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(report.lines).toEqual([
      'Camera changed: "Quầy 1" (huyen-1): sub stream moved from host 192.0.2.10:554 to 192.0.2.99:8554; sub stream credentials changed',
      'Camera changed: "Quầy tiếp nhận" (doai-1): sub stream address changed (host 192.0.2.20:554)',
      'Camera added: "Mới" (new-1) at centre huyen, host gw.example:8443',
    ]);
    expect(summariseChanges(report)).toBe('3 cameras changed');
  });

  it('reports removed cameras, layout and office hours', () => {
    const next = wall();
    next.cameras = (next.cameras as Cam[]).slice(0, 1);
    next.layout = { preset: '3x3', cameraIds: ['huyen-1', null] };
    next.schedule = { timeZone: 'Asia/Ho_Chi_Minh', holidays: ['2026-04-30'] };
    const report = describeChanges(wall(), next);
    expect(report.lines).toEqual([
      'Camera removed: "Quầy tiếp nhận" (doai-1)',
      'Layout changed: preset 2x2 → 3x3; 1 cell shows a different camera',
      'Office hours changed: time zone default → Asia/Ho_Chi_Minh; holidays added: 2026-04-30',
    ]);
    expect(summariseChanges(report)).toBe('1 camera changed, layout changed, office hours changed');
    expect(summariseChanges(describeChanges(wall(), wall()))).toBe('no change');
  });

  it('says when office hours become round the clock, and when they stop being', () => {
    const always = wall();
    always.schedule = { always: true };
    expect(describeChanges(wall(), always).lines).toEqual([
      'Office hours changed: now on round the clock',
    ]);
    expect(describeChanges(always, wall()).lines).toEqual([
      'Office hours changed: no longer on round the clock',
    ]);
  });

  it('streamHost drops everything but host and port', () => {
    expect(streamHost('rtsp://a:b@10.0.0.1:554/x?y=z')).toBe('10.0.0.1:554');
    expect(streamHost('demo:lobby')).toBe('demo clip');
    expect(streamHost('not a url')).toBe('unreadable address');
  });
});
