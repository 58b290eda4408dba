// Secrets sealed with a passphrase, for moving a configuration between PCs: the key is
// derived with scrypt (memory-hard, so guessing passphrases is slow) and the secrets are
// encrypted with AES-256-GCM, whose tag also tells a wrong passphrase from a right one.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

export interface SealedBox {
  kdf: 'scrypt';
  /** scrypt cost parameters, kept with the box so they can be raised later. */
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

const COST = { N: 2 ** 15, r: 8, p: 1 };
const maxmem = (N: number, r: number) => 128 * N * r * 2;

export const MIN_PASSPHRASE_LENGTH = 8;

function deriveKey(passphrase: string, salt: Buffer, cost: typeof COST): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    ...cost,
    maxmem: maxmem(cost.N, cost.r),
  });
}

export function seal(plain: string, passphrase: string): SealedBox {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, COST), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...COST,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The plain text, or null when the passphrase is wrong (or the box was altered). */
export function open(box: SealedBox, passphrase: string): string | null {
  const cost = { N: box.N, r: box.r, p: box.p };
  // A box from elsewhere must not make this PC spend unbounded memory or time.
  if (box.kdf !== 'scrypt' || cost.N > 2 ** 20 || cost.r > 16 || cost.p > 4) return null;
  try {
    const key = deriveKey(passphrase, Buffer.from(box.salt, 'base64'), cost);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    const data = Buffer.from(box.data, 'base64');
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function isSealedBox(value: unknown): value is SealedBox {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.kdf === 'scrypt' &&
    ['N', 'r', 'p'].every((k) => Number.isInteger(v[k])) &&
    ['salt', 'iv', 'tag', 'data'].every((k) => typeof v[k] === 'string')
  );
}
