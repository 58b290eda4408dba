import { describe, expect, it } from 'vitest';
import { reasonForErrno } from '../../../../electron/streams/core/failure-reasons';
import { reasonForRtspStatus } from '../../../../electron/streams/protocols/rtsp/rtsp-status';
import {
  failureForHttpStatus,
  failureForNetworkError,
} from '../../../../electron/streams/protocols/http-pull/upstream-errors';
import {
  statusFailure,
  unreachable,
} from '../../../../electron/streams/protocols/rtsp/rtsp-errors';

describe('failure reasons', () => {
  it('tells refused, timed out, unknown host and no route apart', () => {
    expect(reasonForErrno('ECONNREFUSED')).toBe('connection-refused');
    expect(reasonForErrno('ETIMEDOUT')).toBe('connect-timeout');
    expect(reasonForErrno('ENOTFOUND')).toBe('host-not-found');
    expect(reasonForErrno('EHOSTUNREACH')).toBe('host-unreachable');
    expect(reasonForErrno('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('tls');
    expect(reasonForErrno('EWHATEVER')).toBeUndefined();
  });

  it('gives RTSP 454 and 455 their own reasons', () => {
    expect(reasonForRtspStatus(454)).toBe('session-not-found');
    expect(reasonForRtspStatus(455)).toBe('method-not-allowed');
    expect(reasonForRtspStatus(503)).toBe('server-refused');
  });

  it('reads the same for an RTSP camera and an FLV gateway', () => {
    const rtsp = unreachable('Cao An', '192.0.2.1', 554, 'ECONNREFUSED').toSourceFailure();
    const http = failureForNetworkError({ code: 'ECONNREFUSED' }, 'Cao An', 'http://x/a.flv');
    expect(rtsp).toMatchObject({ code: 'unreachable', reason: 'connection-refused' });
    expect(http).toMatchObject({ code: 'unreachable', reason: 'connection-refused' });
  });

  it('keeps the status code of a refusal', () => {
    expect(
      statusFailure('Cao An', 'SETUP', 454, 'Session Not Found').toSourceFailure(),
    ).toMatchObject({ code: 'protocol-error', reason: 'session-not-found', protocolStatus: 454 });
    expect(failureForHttpStatus(502, 'Cao An', 'http://x/a.flv')).toMatchObject({
      code: 'protocol-error',
      reason: 'server-refused',
      protocolStatus: 502,
    });
    expect(failureForHttpStatus(401, 'Cao An', 'http://x/a.flv')).toMatchObject({
      code: 'auth-failed',
      protocolStatus: 401,
    });
  });
});
