// A receiver for district IT, as small as the check allows: a Node request listener that takes
// a POST, reads at most 256 KB, checks the signature, the timestamp window and replays
// (heartbeat-signature.ts), and hands the beat on. `npm run heartbeat-receiver` serves it
// (tools/heartbeat-receiver.ts); the integration test posts real beats to it over HTTPS.
// Answers: 204 taken, 401 refused (unsigned, wrong key, too old, replayed), 400 not a beat,
// 405 not a POST, 413 too large.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEARTBEAT_FORMAT, type HeartbeatBody } from './heartbeat-body';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyHeartbeat,
  type VerifyOutcome,
} from './heartbeat-signature';

const MAX_BYTES = 256 * 1024;

export interface ReceiverOptions {
  secret: string;
  onBeat(beat: HeartbeatBody): void;
  onRefused?(problem: string): void;
  now?: () => number;
  toleranceSeconds?: number;
}

export function heartbeatReceiver(
  options: ReceiverOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const seen = new Map<string, number>();
  const now = options.now ?? Date.now;
  const answer = (res: ServerResponse, status: number, problem?: string) => {
    if (problem) options.onRefused?.(problem);
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(problem ?? '');
  };
  return (req, res) => {
    if (req.method !== 'POST') return answer(res, 405, 'POST a heartbeat');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BYTES) return answer(res, 413, 'too large');
      const raw = Buffer.concat(chunks);
      const outcome: VerifyOutcome = verifyHeartbeat({
        body: raw,
        timestamp: header(req, TIMESTAMP_HEADER),
        signature: header(req, SIGNATURE_HEADER),
        secret: options.secret,
        nowMs: now(),
        seen,
        ...(options.toleranceSeconds ? { toleranceSeconds: options.toleranceSeconds } : {}),
      });
      if (!outcome.ok) return answer(res, 401, outcome.problem);
      let beat: HeartbeatBody;
      try {
        beat = JSON.parse(raw.toString('utf8')) as HeartbeatBody;
      } catch {
        return answer(res, 400, 'not JSON');
      }
      if (beat?.format !== HEARTBEAT_FORMAT) return answer(res, 400, 'not a heartbeat');
      options.onBeat(beat);
      answer(res, 204);
    });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** One line per beat for IT's terminal: the wall, and which centres it cannot see. */
export function beatLine(beat: HeartbeatBody): string {
  const { totals } = beat;
  const down = beat.centres
    .filter((c) => c.down)
    .map((c) => `${c.id}${c.downSince ? ` (since ${c.downSince})` : ''}`);
  const hours = beat.officeHours
    ? beat.officeHours.showing
      ? 'showing'
      : 'outside hours'
    : 'hours unknown';
  return (
    `${beat.sentAt} ${beat.wall} (v${beat.appVersion}, up ${Math.round(beat.uptimeSeconds / 60)} min, ${hours}): ` +
    `${totals.withPicture}/${totals.cameras} cameras with picture; ` +
    (!beat.healthRecord
      ? 'this PC keeps no health record'
      : down.length > 0
        ? `cannot see ${down.join(', ')}`
        : 'every centre seen')
  );
}
