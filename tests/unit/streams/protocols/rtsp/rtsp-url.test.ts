import { describe, expect, it } from 'vitest';
import { redactUrlsIn } from '../../../../../electron/logging/redact-url';
import { parseRtspUrl } from '../../../../../electron/streams/protocols/rtsp/rtsp-url';

describe('parseRtspUrl', () => {
  it('takes percent-decoded credentials out of the URL', () => {
    const t = parseRtspUrl('rtsp://admin:p%40ss%3Aw@192.168.1.64/Streaming/Channels/101');
    expect(t).toEqual({
      url: 'rtsp://192.168.1.64/Streaming/Channels/101',
      host: '192.168.1.64',
      port: 554,
      secure: false,
      username: 'admin',
      password: 'p@ss:w',
    });
  });

  it('handles rtsps, explicit ports, IPv6 and Dahua query strings', () => {
    expect(parseRtspUrl('rtsps://cam.local/x')).toMatchObject({ port: 322, secure: true });
    expect(parseRtspUrl('rtsp://[::1]:8554/cam1')).toMatchObject({ host: '::1', port: 8554 });
    expect(parseRtspUrl('rtsp://u:p@h/cam/realmonitor?channel=1&subtype=0')).toMatchObject({
      url: 'rtsp://h/cam/realmonitor?channel=1&subtype=0',
    });
  });

  it('accepts an unencoded @ in the password (last @ ends the userinfo)', () => {
    expect(parseRtspUrl('rtsp://admin:a@b@10.0.0.1/x')).toMatchObject({
      host: '10.0.0.1',
      password: 'a@b',
    });
  });

  it('rejects other schemes and junk', () => {
    expect(parseRtspUrl('http://h/x')).toHaveProperty('error');
    expect(parseRtspUrl('not a url')).toHaveProperty('error');
  });
});

describe('redactUrlsIn', () => {
  it('strips userinfo from every URL in a line', () => {
    expect(redactUrlsIn('a rtsp://u:p@h/x and rtsps://x@y:1/z')).toBe(
      'a rtsp://h/x and rtsps://y:1/z',
    );
  });
});
