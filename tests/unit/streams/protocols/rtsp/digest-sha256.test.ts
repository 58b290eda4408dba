// Digest with SHA-256 (RFC 7616): the RFC's own example (section 3.9.1) for both MD5 and
// SHA-256, the -sess variant, and the choice of the strongest challenge a camera offers.
import { describe, expect, it } from 'vitest';
import {
  RtspAuthenticator,
  digestResponse,
  parseChallenges,
  pickChallenge,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-auth';

// RFC 7616 section 3.9.1: GET /dir/index.html by Mufasa, password "Circle of Life".
const RFC = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  method: 'GET',
  uri: '/dir/index.html',
  qop: 'auth' as const,
  nc: '00000001',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

describe('Digest SHA-256 (RFC 7616)', () => {
  it('computes the RFC example response with MD5', () => {
    expect(digestResponse({ ...RFC, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('computes the RFC example response with SHA-256', () => {
    expect(digestResponse({ ...RFC, algorithm: 'SHA-256' })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('hashes the session key again for SHA-256-sess, with the nonce and cnonce', () => {
    const plain = digestResponse({ ...RFC, algorithm: 'SHA-256' });
    const sess = digestResponse({ ...RFC, algorithm: 'SHA-256-sess' });
    expect(sess).toMatch(/^[0-9a-f]{64}$/);
    expect(sess).not.toBe(plain);
    expect(digestResponse({ ...RFC, algorithm: 'SHA-256-sess', cnonce: 'other' })).not.toBe(sess);
  });

  it('prefers SHA-256 over MD5 whichever the camera lists first', () => {
    const md5First = parseChallenges([
      'Digest realm="r", nonce="n1", algorithm=MD5, qop="auth"',
      'Digest realm="r", nonce="n2", algorithm=SHA-256, qop="auth"',
      'Basic realm="r"',
    ]);
    expect(pickChallenge(md5First)?.params.algorithm).toBe('SHA-256');
    expect(pickChallenge([...md5First].reverse())?.params.algorithm).toBe('SHA-256');
    expect(pickChallenge(parseChallenges(['Basic realm="r"']))?.scheme).toBe('basic');
  });

  it('signs with SHA-256 and echoes the algorithm', () => {
    const a = new RtspAuthenticator(RFC.username, RFC.password, () => RFC.cnonce);
    expect(
      a.accept(
        parseChallenges([
          `Digest realm="${RFC.realm}", nonce="${RFC.nonce}", algorithm=MD5, qop="auth"`,
          `Digest realm="${RFC.realm}", nonce="${RFC.nonce}", algorithm=SHA-256, qop="auth"`,
        ]),
      ),
    ).toBe(true);
    const header = a.header('GET', RFC.uri)!;
    expect(header).toContain('algorithm=SHA-256');
    expect(header).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    );
    expect(header).toContain('nc=00000001');
  });
});
