import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../../electron/streams/auth/redact-url';

describe('redactUrl', () => {
  it('removes user name and password', () => {
    const out = redactUrl('rtsp://admin:Hik12345@10.0.0.5:554/Streaming/Channels/102');
    expect(out).toBe('rtsp://10.0.0.5:554/Streaming/Channels/102');
  });

  it('removes userinfo from http and ws URLs', () => {
    expect(redactUrl('http://u:p@gw/live/a.flv')).toBe('http://gw/live/a.flv');
    expect(redactUrl('wss://u:p@gw/live/a.flv')).toBe('wss://gw/live/a.flv');
  });

  it.each(['sign', 'token', 'access_token', 'auth', 'key', 'password', 'pass', 'secret', 'TOKEN'])(
    'masks the %s query parameter and keeps the rest',
    (name) => {
      const out = redactUrl(`http://gw/live/a.flv?${name}=abc123&app=live`);
      expect(out).not.toContain('abc123');
      expect(out).toContain(`${name}=***`);
      expect(out).toContain('app=live');
    },
  );

  it('masks every repeated secret parameter', () => {
    expect(redactUrl('http://gw/a.flv?token=one&token=two')).not.toMatch(/one|two/);
  });

  it('never throws and still hides userinfo in something that is not a URL', () => {
    const out = redactUrl('http://admin:p@ss word@host name/x');
    expect(out).not.toContain('admin');
    expect(out).not.toContain('p@ss');
    expect(out).not.toContain('ss word');
  });

  it('hides secret parameters in something that is not a URL', () => {
    const out = redactUrl('http://bad host/live/a.flv?sign=123-abc&token=xyz');
    expect(out).not.toContain('123-abc');
    expect(out).not.toContain('xyz');
  });

  it('leaves a URL without credentials alone', () => {
    expect(redactUrl('http://gw:8000/live/a.flv')).toBe('http://gw:8000/live/a.flv');
    expect(redactUrl('demo:clip-1?offset=3')).toBe('demo:clip-1?offset=3');
  });
});
