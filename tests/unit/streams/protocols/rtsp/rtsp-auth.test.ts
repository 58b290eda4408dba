import { describe, expect, it } from 'vitest';
import {
  RtspAuthenticator,
  digestResponse,
  parseChallenges,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-auth';

describe('digestResponse', () => {
  it('matches the RFC 2617 section 3.5 example (qop=auth)', () => {
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
        qop: 'auth',
        nc: '00000001',
        cnonce: '0a4f113b',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('computes the RFC 2069 form without qop: MD5(HA1:nonce:HA2)', () => {
    // HA1 = md5("Mufasa:testrealm@host.com:Circle Of Life") = 939e7578ed9e3c518a452acee763bce9
    // HA2 = md5("GET:/dir/index.html") = 39aff3a2bab6126f332b942af96d3366
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
      }),
    ).toBe('670fd8c2df070c60b045671b8b24ff02');
  });
});

describe('parseChallenges', () => {
  it('reads several headers and several challenges in one header', () => {
    const c = parseChallenges([
      'Digest realm="IP Camera(12345)", nonce="a1b2,c3", stale="FALSE"',
      'Basic realm="x", Digest realm="y", nonce=abc, qop="auth,auth-int"',
    ]);
    expect(c.map((x) => x.scheme)).toEqual(['digest', 'basic', 'digest']);
    expect(c[0]!.params).toEqual({ realm: 'IP Camera(12345)', nonce: 'a1b2,c3', stale: 'FALSE' });
    expect(c[2]!.params.qop).toBe('auth,auth-int');
  });

  it('survives garbage', () => {
    expect(() =>
      parseChallenges(['', '=', '"', 'Digest ,,, =x realm="unterminated']),
    ).not.toThrow();
  });
});

describe('RtspAuthenticator', () => {
  it('prefers Digest over Basic and counts nc with qop', () => {
    const a = new RtspAuthenticator('admin', 'pw', () => 'cafe');
    expect(
      a.accept(parseChallenges(['Basic realm="r"', 'Digest realm="r", nonce="n1", qop="auth"'])),
    ).toBe(true);
    const h1 = a.header('DESCRIBE', 'rtsp://h/cam')!;
    const h2 = a.header('SETUP', 'rtsp://h/cam/track1')!;
    expect(h1).toMatch(/^Digest /);
    expect(h1).toContain('nc=00000001');
    expect(h2).toContain('nc=00000002');
    expect(h1).toContain('cnonce="cafe"');
    expect(h1).toContain('uri="rtsp://h/cam"');
    const expected = digestResponse({
      username: 'admin',
      password: 'pw',
      realm: 'r',
      nonce: 'n1',
      method: 'DESCRIBE',
      uri: 'rtsp://h/cam',
      qop: 'auth',
      nc: '00000001',
      cnonce: 'cafe',
    });
    expect(h1).toContain(`response="${expected}"`);
  });

  it('sends no qop, nc or cnonce when the challenge has no qop (GStreamer, Dahua)', () => {
    const a = new RtspAuthenticator('admin', 'pw');
    a.accept(parseChallenges(['Digest realm="GStreamer RTSP Server", nonce="xyz"']));
    const h = a.header('DESCRIBE', 'rtsp://h/cam')!;
    expect(h).not.toMatch(/qop|nc=|cnonce/);
  });

  it('uses Basic only when Basic is all that is offered', () => {
    const a = new RtspAuthenticator('admin', 'p:w');
    a.accept(parseChallenges(['Basic realm="cam"']));
    expect(a.header('DESCRIBE', 'x')).toBe(`Basic ${Buffer.from('admin:p:w').toString('base64')}`);
  });

  it('refuses challenges it cannot answer', () => {
    const a = new RtspAuthenticator('admin', 'pw');
    expect(a.accept(parseChallenges(['Digest realm="r", nonce="n", algorithm=SHA3-256']))).toBe(
      false,
    );
    expect(a.accept(parseChallenges(['Negotiate abc']))).toBe(false);
    expect(a.header('DESCRIBE', 'x')).toBeUndefined();
  });

  it('restarts nc at a new nonce', () => {
    const a = new RtspAuthenticator('u', 'p', () => 'c');
    a.accept(parseChallenges(['Digest realm="r", nonce="n1", qop=auth']));
    a.header('OPTIONS', 'x');
    a.header('OPTIONS', 'x');
    a.accept(parseChallenges(['Digest realm="r", nonce="n2", qop=auth, stale=true']));
    expect(a.header('OPTIONS', 'x')).toContain('nc=00000001');
  });
});
