import { describe, expect, it } from 'vitest';
import { loginIdentity } from '../../../../electron/streams/core/login-identity';

describe('loginIdentity', () => {
  it('keys a camera by host:port and user, whatever the stream path', () => {
    const main = loginIdentity('rtsp://Cam.Local/Streaming/Channels/101', {
      type: 'password',
      username: 'admin',
      password: 'p',
    })!;
    const sub = loginIdentity('rtsp://cam.local:554/Streaming/Channels/102', {
      type: 'password',
      username: 'admin',
      password: 'p',
    })!;
    expect([main.server, main.user]).toEqual(['cam.local:554', 'admin']);
    expect([sub.server, sub.user, sub.digest]).toEqual([main.server, main.user, main.digest]);
  });

  it('fills in each scheme’s default port and takes credentials from the URL when the settings have none', () => {
    const ids = [
      'rtsps://h/x',
      'http://h/x.flv',
      'https://h/x.flv',
      'ws://h/x.flv',
      'wss://h/x.flv',
    ].map((url) => loginIdentity(url)!.server);
    expect(ids).toEqual(['h:322', 'h:80', 'h:443', 'h:80', 'h:443']);
    expect(loginIdentity('rtsp://us%40er:pa%3Ass@h:8554/x')!.user).toBe('us@er');
    expect(loginIdentity('demo:clip-1')).toBeUndefined();
    expect(loginIdentity('not a url')).toBeUndefined();
  });

  it('tells changed credentials apart without holding a readable password', () => {
    const a = loginIdentity('rtsp://h/x', { type: 'password', username: 'u', password: 'one' })!;
    const b = loginIdentity('rtsp://h/x', { type: 'password', username: 'u', password: 'two' })!;
    expect(a.digest).not.toBe(b.digest);
    expect(a.fingerprint('salt')).not.toBe(b.fingerprint('salt'));
    expect(a.fingerprint('salt')).toBe(a.fingerprint('salt'));
    expect(a.fingerprint('salt')).not.toBe(a.fingerprint('pepper'));
    expect(JSON.stringify(a) + a.fingerprint('salt')).not.toContain('one');
  });
});
