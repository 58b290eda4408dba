// The endpoint's security options in the settings: tls (inline PEM or a path, a pinned
// fingerprint), allowBasicOverCleartext and allowRedirectTo, each refused with words that
// say what to fix; the derived trust never written back to the file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsFile } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';
import { makeSelfSignedCert, type TestCert } from '../../fixtures/tls/make-cert';

let cert: TestCert;
beforeAll(() => {
  cert = makeSelfSignedCert();
});

function withSub(sub: Record<string, unknown>) {
  return {
    schemaVersion: 1,
    sites: [{ id: 'huyen', name: 'Huyện' }],
    cameras: [{ id: 'cam-1', siteId: 'huyen', name: 'Quầy 1', streams: { sub } }],
    layout: { preset: '2x2', cameraIds: ['cam-1'] },
  };
}

function parsedSub(sub: Record<string, unknown>) {
  const result = parseSettings(withSub(sub));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { sub: result.settings.cameras[0]!.streams.sub, settings: result.settings };
}

function errorsOf(sub: Record<string, unknown>): string[] {
  const result = parseSettings(withSub(sub));
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.errors;
}

describe('tls', () => {
  it('reads an inline PEM and normalises a fingerprint, and never writes the trust back', () => {
    const pin = `sha256:${cert.fingerprint256.toLowerCase().replace(/:/g, '')}`;
    const { sub, settings } = parsedSub({
      url: 'rtsps://127.0.0.1:322/cam',
      tls: { ca: cert.cert, fingerprint: pin },
    });
    expect(sub.tlsTrust?.ca).toContain('BEGIN CERTIFICATE');
    expect(sub.tlsTrust?.fingerprint256).toBe(cert.fingerprint256);
    const written = settingsFile(settings).cameras[0]!.streams.sub;
    expect(written).toEqual({
      url: 'rtsps://127.0.0.1:322/cam',
      tls: { ca: cert.cert, fingerprint: pin },
    });
  });

  it('reads a CA from an absolute path', () => {
    const { sub } = parsedSub({ url: 'https://gw/live/a.flv', tls: { ca: cert.certPath } });
    expect(sub.tlsTrust?.ca).toBe(cert.cert.trim());
  });

  it('names an unreadable path, a relative path, a file without a certificate and bad PEM', () => {
    const notPem = path.join(path.dirname(cert.certPath), 'not.pem');
    writeFileSync(notPem, 'hello');
    const missing = path.join(path.dirname(cert.certPath), 'missing.pem');
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(errorsOf({ url: 'wss://gw/a.flv', tls: { ca: missing } })[0]).toMatch(
      /streams\.sub\.tls\.ca: cannot read ".*missing\.pem" \(ENOENT\)/,
    );
    expect(errorsOf({ url: 'wss://gw/a.flv', tls: { ca: 'certs/ca.pem' } })[0]).toContain(
      'not PEM text, nor an absolute path',
    );
    expect(errorsOf({ url: 'wss://gw/a.flv', tls: { ca: notPem } })[0]).toContain(
      'holds no "-----BEGIN CERTIFICATE-----" block',
    );
    expect(errorsOf({ url: 'wss://gw/a.flv', tls: { ca: broken } })[0]).toContain(
      'certificate 1 in the inline text is not a valid PEM certificate',
    );
  });

  it('refuses a malformed fingerprint, an empty tls and tls on a cleartext URL', () => {
    expect(errorsOf({ url: 'https://gw/a.flv', tls: { fingerprint: 'AB:CD' } })[0]).toContain(
      'tls.fingerprint: must be "sha256:"',
    );
    expect(
      errorsOf({
        url: 'https://gw/a.flv',
        tls: { fingerprint: 'sha1:' + 'AB:'.repeat(19) + 'AB' },
      }),
    ).toHaveLength(1);
    expect(errorsOf({ url: 'https://gw/a.flv', tls: {} })[0]).toContain(
      'must have "ca" and/or "fingerprint"',
    );
    expect(errorsOf({ url: 'rtsp://cam/a', tls: { ca: cert.cert } })[0]).toContain(
      'applies only to rtsps://, https:// or wss:// URLs',
    );
  });
});

describe('allowBasicOverCleartext and allowRedirectTo', () => {
  it('accepts them on the endpoint, and allowBasicOverCleartext on password auth', () => {
    const { sub } = parsedSub({
      url: 'http://gw:8000/live/a.flv',
      auth: { type: 'password', username: 'u', password: 'p', allowBasicOverCleartext: true },
      allowBasicOverCleartext: false,
      allowRedirectTo: ['Edge-1.example.org:8080', '192.0.2.7', '[2001:db8::1]:554'],
    });
    expect(sub.auth).toMatchObject({ allowBasicOverCleartext: true });
    expect(sub.allowBasicOverCleartext).toBe(false);
    expect(sub.allowRedirectTo).toEqual([
      'edge-1.example.org:8080',
      '192.0.2.7',
      '[2001:db8::1]:554',
    ]);
  });

  it('refuses a flag that is not a boolean and a redirect target with a scheme or path', () => {
    const errors = errorsOf({
      url: 'http://gw:8000/live/a.flv',
      auth: { type: 'password', username: 'u', password: 'p', allowBasicOverCleartext: 'yes' },
      allowBasicOverCleartext: 1,
      allowRedirectTo: ['http://edge/', 'edge/live'],
    });
    expect(errors).toEqual([
      'cameras[0].streams.sub.auth.allowBasicOverCleartext: must be true or false',
      'cameras[0].streams.sub.allowBasicOverCleartext: must be true or false',
      'cameras[0].streams.sub.allowRedirectTo[0]: must be "host" or "host:port", without a scheme or path',
      'cameras[0].streams.sub.allowRedirectTo[1]: must be "host" or "host:port", without a scheme or path',
    ]);
    expect(errorsOf({ url: 'http://gw/a.flv', allowRedirectTo: 'edge' })[0]).toContain(
      'must be a list of "host" or "host:port"',
    );
  });
});
