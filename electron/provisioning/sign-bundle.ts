// Makes a bundle: canonical payload bytes, signed once. Refuses to sign anything that would let
// a clear secret out of IT's PC, or a payload that a wall would refuse anyway.
import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  PART_KEYS,
  isManagedPart,
  signedMessage,
  type BundleEnvelope,
  type BundlePayload,
} from './bundle-format';
import { canonicalJson, toBase64url } from './canonical-json';
import { findClearSecrets } from './fleet-secrets';
import { keyIdOf } from './signing-keys';

export function signBundle(payload: BundlePayload, privateKey: KeyObject): string {
  const clear = findClearSecrets(payload.config);
  if (clear.length > 0) {
    throw new Error(
      `refusing to sign: secrets in clear at ${clear.join(', ')}. Encrypt them with the fleet key first (the sign command does), and keep passwords out of URLs (use "auth").`,
    );
  }
  if (payload.manages.length === 0 || !payload.manages.every(isManagedPart)) {
    throw new Error(
      'refusing to sign: "manages" must list some of sites, cameras, layouts, schedule',
    );
  }
  const expected = payload.manages.map((p) => PART_KEYS[p]).sort();
  const present = Object.keys(payload.config).sort();
  if (canonicalJson(expected) !== canonicalJson(present)) {
    throw new Error(
      `refusing to sign: config holds ${present.join(', ') || 'nothing'}, but the bundle manages ${expected.join(', ')}`,
    );
  }
  if (!Number.isSafeInteger(payload.sequence) || payload.sequence < 1) {
    throw new Error('refusing to sign: the sequence must be a whole number, at least 1');
  }
  const bytes = Buffer.from(canonicalJson(payload), 'utf8');
  const publicKey = privateKeyToPublic(privateKey);
  const envelope: BundleEnvelope = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    payload: toBase64url(bytes),
    // Ed25519 takes no digest name: null.
    signature: toBase64url(sign(null, signedMessage(bytes), privateKey)),
    keyId: keyIdOf(publicKey),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

function privateKeyToPublic(privateKey: KeyObject): KeyObject {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('the signing key must be an Ed25519 private key');
  }
  // The key id names the public half, so the verifier can find it among its pinned keys.
  return createPublicKey(privateKey);
}
