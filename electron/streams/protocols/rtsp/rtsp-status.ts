// RTSP status codes to the reasons a tile can explain; socket errors are core's errno table.
import type { FailureReason } from '../../../contract/wall-contract';

/**
 * RTSP 454/455 say something specific; a redirect that reaches here is one we do not follow
 * (only DESCRIBE's are, see rtsp-source.ts); any other refusal is the server's own.
 */
export function reasonForRtspStatus(status: number): FailureReason {
  if (status >= 300 && status < 400) return 'redirect-refused';
  if (status === 454) return 'session-not-found';
  if (status === 455) return 'method-not-allowed';
  return 'server-refused';
}
