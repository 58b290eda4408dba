// Ed25519 signing keys and their ids. The key id is derived from the public key itself, so a
// PC can pin keys by id without anyone keeping a registry, and a renamed file changes nothing.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** 'ed25519:' + the first 16 hex digits of SHA-256 over the public key's SPKI DER bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function publicKeyFromPem(pem: string | Buffer): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}

export function privateKeyFromPem(pem: string | Buffer): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the private key is not an Ed25519 key');
  return key;
}

export type PinnedKeys = ReadonlyMap<string, KeyObject>;

/** The pinned key set for verification, keyed by derived key id. */
export function pinKeys(publicKeys: readonly KeyObject[]): PinnedKeys {
  return new Map(publicKeys.map((key) => [keyIdOf(key), key]));
}
