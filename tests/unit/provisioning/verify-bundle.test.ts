import { sign } from 'node:crypto';
import { signedMessage } from '../../../electron/provisioning/bundle-format';
import { canonicalJson } from '../../../electron/provisioning/canonical-json';
import { describe, expect, it } from 'vitest';
import { pinKeys } from '../../../electron/provisioning/signing-keys';
import { verifyBundle } from '../../../electron/provisioning/verify-bundle';
import {
  T0,
  days,
  flipByte,
  otherSigner,
  payload,
  pinned,
  signed,
  signer,
  withField,
} from './bundle-fixtures';

const opts = (over: Partial<Parameters<typeof verifyBundle>[1]> = {}) => ({
  publicKeys: pinned,
  now: days(1),
  lastAppliedSequence: 6,
  ...over,
});

function refusal(text: string, over = {}) {
  const result = verifyBundle(text, opts(over));
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('verifyBundle', () => {
  it('accepts a good bundle and returns the exact signed payload', () => {
    const result = verifyBundle(signed(), opts());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.payload.sequence).toBe(7);
    expect(result.payload.manages).toEqual(['sites', 'cameras']);
  });

  it('refuses text that is not JSON without echoing it', () => {
    const r = refusal('password=hunter2 {');
    expect(r.kind).toBe('malformed');
    expect(r.message).not.toContain('hunter2');
  });

  it('refuses JSON that is not a bundle, and a wrong version', () => {
    expect(refusal('{"schemaVersion":1,"sites":[]}').kind).toBe('not-a-bundle');
    expect(refusal(withField(signed(), 'version', 2)).kind).toBe('not-a-bundle');
    expect(refusal(withField(signed(), 'signature', 42)).kind).toBe('malformed');
  });

  it('refuses an unknown key id, and a bundle signed by a key that is not pinned', () => {
    expect(refusal(withField(signed(), 'keyId', 'ed25519:0000')).kind).toBe('unknown-key');
    expect(refusal(signed(payload(), otherSigner.privateKey)).kind).toBe('unknown-key');
  });

  it('refuses a valid signature from another key filed under the pinned key id', () => {
    const forged = withField(
      signed(payload(), otherSigner.privateKey),
      'keyId',
      JSON.parse(signed()).keyId,
    );
    const r = refusal(forged);
    expect(r.kind).toBe('bad-signature');
    expect(r.message).toMatch(/does not match the pinned key/);
  });

  const good = signed();
  const payloadLength = Buffer.from(JSON.parse(good).payload, 'base64url').length;
  it.each([0, 1, 17, Math.floor(payloadLength / 2), payloadLength - 1])(
    'refuses one flipped byte at payload offset %i',
    (offset) => expect(refusal(flipByte(good, 'payload', offset)).kind).toBe('bad-signature'),
  );
  it.each([0, 1, 31, 32, 63])('refuses one flipped byte at signature offset %i', (offset) =>
    expect(refusal(flipByte(good, 'signature', offset)).kind).toBe('bad-signature'),
  );

  it('refuses base64 that only decodes leniently (stray characters, changed padding bits)', () => {
    const env = JSON.parse(good) as Record<string, string>;
    expect(refusal(withField(good, 'payload', `${env.payload}!`)).kind).toBe('bad-signature');
    const last = env.signature!.at(-1)!;
    const sibling = String.fromCharCode(last.charCodeAt(0) ^ 1);
    const tweaked = env.signature!.slice(0, -1) + sibling;
    expect(refusal(withField(good, 'signature', tweaked)).kind).toBe('bad-signature');
  });

  it('refuses an expired bundle, and one dated beyond the clock skew', () => {
    expect(refusal(signed(), { now: days(30) }).kind).toBe('expired');
    const early = new Date(T0.getTime() - 10 * 60_000);
    expect(refusal(signed(), { now: early }).kind).toBe('not-yet-valid');
    const withinSkew = new Date(T0.getTime() - 2 * 60_000);
    expect(verifyBundle(signed(), opts({ now: withinSkew })).ok).toBe(true);
  });

  it('refuses a replayed or older sequence, naming the sequence to use', () => {
    const same = refusal(signed(), { lastAppliedSequence: 7 });
    expect(same.kind).toBe('replayed');
    expect(same.message).toMatch(/above 7/);
    expect(refusal(signed(), { lastAppliedSequence: 9 }).kind).toBe('replayed');
    expect(verifyBundle(signed(), opts({ lastAppliedSequence: null })).ok).toBe(true);
  });

  it('refuses a bundle for another fleet when the PC expects one', () => {
    expect(refusal(signed(), { expectedFleet: 'other' }).kind).toBe('wrong-fleet');
  });

  it('refuses a payload that manages nothing or an unknown part, even when signed', () => {
    // signBundle itself refuses these, so they are built by hand with the same primitives.
    const forge = (p: object) => signedRaw(p);
    expect(refusal(forge({ ...payload(), manages: [], config: {} })).kind).toBe('manages-nothing');
    expect(refusal(forge({ ...payload(), manages: ['sites', 'users'] })).kind).toBe('unknown-part');
    expect(refusal(forge({ ...payload(), manages: ['sites'] })).kind).toBe('unknown-part');
  });

  it('pins keys by an id derived from the key', () => {
    expect([...pinKeys([signer.publicKey]).keys()]).toEqual([JSON.parse(good).keyId]);
  });
});

function signedRaw(p: object): string {
  const bytes = Buffer.from(canonicalJson(p));
  return JSON.stringify({
    format: 'one-stop-wall-bundle',
    version: 1,
    payload: bytes.toString('base64url'),
    signature: sign(null, signedMessage(bytes), signer.privateKey).toString('base64url'),
    keyId: JSON.parse(signed()).keyId,
  });
}
