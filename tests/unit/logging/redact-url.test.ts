import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrlsIn } from '../../../electron/logging/redact-url';

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
    'masks the %s query parameter and keeps the names of the rest',
    (name) => {
      const out = redactUrl(`http://gw/live/a.flv?${name}=abc123&app=live`);
      expect(out).not.toContain('abc123');
      expect(out).toContain(`${name}=***`);
      expect(out).toContain('app=');
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

  it('leaves a URL without credentials or query alone', () => {
    expect(redactUrl('http://gw:8000/live/a.flv')).toBe('http://gw:8000/live/a.flv');
    expect(redactUrl('demo:clip-1')).toBe('demo:clip-1');
  });
});

describe('redactUrl keeps only what is on its allow-list', () => {
  it.each([
    ['auth_key', 'http://cdn.example/live/a.flv?auth_key=1700000000-0-0-d3adb33f'],
    ['txSecret', 'https://play.example/live/a.flv?txSecret=9f8e7d6c&txTime=65A0B1C2'],
    ['apikey', 'wss://gw.example:8443/live/a.flv?apikey=k-12345'],
    ['sig', 'http://gw.example/live/a.flv?expires=1700000000&sig=c0ffee'],
  ])('hides the value of %s, and of every other parameter', (name, url) => {
    const out = redactUrl(url);
    const values = [...new URL(url).searchParams.values()];
    for (const value of values) expect(out).not.toContain(value);
    expect(out).toContain(`${name}=***`);
  });

  it('keeps scheme, host, port and path', () => {
    expect(redactUrl('https://gw.example:8443/live/cam-1.flv?token=x#frag')).toBe(
      'https://gw.example:8443/live/cam-1.flv?token=***',
    );
    expect(redactUrl('rtsp://[fe80::1]:8554/Streaming/Channels/101')).toBe(
      'rtsp://[fe80::1]:8554/Streaming/Channels/101',
    );
    expect(redactUrl('demo:clip-1?offset=3')).toBe('demo:clip-1?offset=***');
  });

  it("hides userinfo whose password holds '@' and '/'", () => {
    for (const url of [
      'rtsp://admin:p@ss/w0rd@10.0.0.5:554/Streaming/Channels/101',
      'rtsp://admin:p@ssw0rd@10.0.0.5:554/Streaming/Channels/101',
      'http://admin:a/b@c@gw/live/a.flv?token=t',
    ]) {
      const out = redactUrl(url);
      expect(out).not.toMatch(/admin|p@ss|w0rd|a\/b/);
      expect(out).toMatch(
        /10\.0\.0\.5:554\/Streaming\/Channels\/101$|gw\/live\/a\.flv\?token=\*\*\*$/,
      );
    }
  });

  it('hides a bare query parameter, which may itself be a token', () => {
    expect(redactUrl('http://gw/live/a.flv?d3adb33f')).toBe('http://gw/live/a.flv?***');
  });
});

describe('redactUrlsIn', () => {
  it('redacts every URL in a line and leaves the words alone', () => {
    expect(
      redactUrlsIn('cannot open rtsp://u:p@h/x?channel=1 nor http://gw/a.flv?sign=s3cr3t now'),
    ).toBe('cannot open rtsp://h/x?channel=*** nor http://gw/a.flv?sign=*** now');
  });
});
