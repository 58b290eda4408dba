// The signature as IT's receiver checks it: over "timestamp.body" with the shared key, in a
// five-minute window, each accepted signature refused a second time.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signHeartbeat,
  verifyHeartbeat,
} from '../../../../electron/services/heartbeat/heartbeat-signature';

const SECRET = 'a-key-of-sixteen-or-more';
const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const body = '{"format":"one-stop-wall-heartbeat","wall":"Cao An"}';

describe('heartbeat signature', () => {
  it('is the HMAC-SHA256 of "timestamp.body" in hex, as any language can recompute it', () => {
    const signed = signHeartbeat(body, SECRET, T0 + 999);
    expect(signed.timestamp).toBe(String(T0 / 1000));
    const expected = createHmac('sha256', SECRET)
      .update(`${T0 / 1000}.${body}`)
      .digest('hex');
    expect(signed.signature).toBe(`v1=${expected}`);
  });

  it('is accepted with the right key inside the window, once', () => {
    const signed = signHeartbeat(body, SECRET, T0);
    const seen = new Map<string, number>();
    const check = (nowMs: number) =>
      verifyHeartbeat({ body, ...signed, secret: SECRET, nowMs, seen });
    expect(check(T0 + 60_000)).toEqual({ ok: true, timestamp: T0 / 1000 });
    expect(check(T0 + 61_000)).toEqual({ ok: false, problem: 'replayed' });
  });

  it('refuses a wrong key, a changed body, a missing header', () => {
    const signed = signHeartbeat(body, SECRET, T0);
    const at = { nowMs: T0, secret: SECRET };
    expect(verifyHeartbeat({ body, ...signed, ...at, secret: 'another-key-of-16+' })).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    expect(
      verifyHeartbeat({ body: body.replace('Cao An', 'Tân Trường'), ...signed, ...at }),
    ).toEqual({ ok: false, problem: 'bad-signature' });
    // The same signature moved to another second does not verify either.
    expect(
      verifyHeartbeat({ body, ...signed, timestamp: String(T0 / 1000 + 1), ...at }),
    ).toMatchObject({ ok: false, problem: 'bad-signature' });
    expect(
      verifyHeartbeat({ body, timestamp: undefined, signature: signed.signature, ...at }),
    ).toEqual({ ok: false, problem: 'missing' });
    expect(verifyHeartbeat({ body, timestamp: signed.timestamp, signature: 'abc', ...at })).toEqual(
      { ok: false, problem: 'missing' },
    );
  });

  it('refuses a beat older or newer than the window, by the receiver’s clock', () => {
    const signed = signHeartbeat(body, SECRET, T0);
    const check = (nowMs: number) => verifyHeartbeat({ body, ...signed, secret: SECRET, nowMs });
    expect(check(T0 + 300_000).ok).toBe(true);
    expect(check(T0 + 301_000)).toEqual({ ok: false, problem: 'too-old' });
    expect(check(T0 - 300_000).ok).toBe(true);
    expect(check(T0 - 301_000)).toEqual({ ok: false, problem: 'in-future' });
  });

  it('forgets accepted signatures once they are outside the window (memory stays bounded)', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const at = T0 + i * 60_000;
      const signed = signHeartbeat(body, SECRET, at);
      expect(verifyHeartbeat({ body, ...signed, secret: SECRET, nowMs: at, seen }).ok).toBe(true);
    }
    // Minutes 14…19 are within five minutes of minute 19.
    expect(seen.size).toBe(6);
  });
});
