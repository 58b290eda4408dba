// How a heartbeat proves it comes from a wall that holds IT's key, and is not an old one sent
// again. The signed text is the timestamp, a dot, and the exact body bytes; the HMAC-SHA256 of
// it under the shared key travels as "v1=<hex>" beside the timestamp (Unix seconds). A receiver
// recomputes it over the raw body it received (never a re-serialised one), compares in constant
// time, refuses a timestamp more than five minutes from its own clock, and refuses a signature
// it has already accepted within that window. README "For district IT" says the same for
// receivers written in other languages.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-wall-timestamp';
export const SIGNATURE_HEADER = 'x-wall-signature';
/** How far a beat's timestamp may be from the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signHeartbeat(
  body: string,
  secret: string,
  nowMs: number,
): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { timestamp, signature: `v1=${hmacHex(secret, timestamp, body)}` };
}

export type VerifyOutcome =
  | { ok: true; timestamp: number }
  | { ok: false; problem: 'missing' | 'bad-signature' | 'too-old' | 'in-future' | 'replayed' };

/**
 * A receiver's check. `seen` remembers accepted signatures (with their timestamps) so one
 * replayed inside the window is refused; entries older than the window are dropped here.
 */
export function verifyHeartbeat(input: {
  body: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  nowMs: number;
  toleranceSeconds?: number;
  seen?: Map<string, number>;
}): VerifyOutcome {
  const { timestamp, signature, secret, nowMs, seen } = input;
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith('v1=')) {
    return { ok: false, problem: 'missing' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, input.body), 'hex');
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'bad-signature' };
  }
  const seconds = Number(timestamp);
  const now = Math.floor(nowMs / 1000);
  if (seconds < now - tolerance) return { ok: false, problem: 'too-old' };
  if (seconds > now + tolerance) return { ok: false, problem: 'in-future' };
  if (seen) {
    for (const [key, at] of seen) if (at < now - tolerance) seen.delete(key);
    if (seen.has(signature)) return { ok: false, problem: 'replayed' };
    seen.set(signature, seconds);
  }
  return { ok: true, timestamp: seconds };
}

function hmacHex(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}
