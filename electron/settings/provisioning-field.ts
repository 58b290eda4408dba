// The configuration's "provisioning" field: where this PC fetches IT's signed configuration
// bundles (docs/provisioning.md), how often, which signing keys it trusts, and the fleet key
// that opens the camera secrets inside them. The field is kept as IT wrote it (file form: PEM
// text or a path, the fleet key as plain, safe: or vault: text); these helpers read what it
// names, for the schema (to refuse a wrong value when the file loads) and for the poller.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProvisioningConfig {
  /** An https:// URL, or the absolute path of a folder (a USB stick) holding *.owb files. */
  source: string;
  /** How often the source is read; default 5. */
  pollMinutes?: number;
  /** Pinned Ed25519 public keys: PEM text, or the absolute path of a PEM file. */
  publicKeys: string[];
  /** The fleet key (fleet.key's text); a secret, kept in the vault like camera passwords. */
  fleetKey: string;
  /** When set, a bundle signed for another fleet is refused. */
  fleet?: string;
  /** The district's own CA for the HTTPS server (PEM text or path), trusted beside the system's. */
  ca?: string;
}

export const DEFAULT_POLL_MINUTES = 5;

export type ProvisioningSource = { kind: 'https'; url: string } | { kind: 'folder'; path: string };

/** The source's kind, or null when it is neither an https:// URL nor an absolute folder path. */
export function classifySource(raw: string): ProvisioningSource | null {
  if (/^https:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      return url.host ? { kind: 'https', url: url.href } : null;
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return null;
  return path.isAbsolute(raw) || path.win32.isAbsolute(raw) ? { kind: 'folder', path: raw } : null;
}

/** The source as a log line or notice may show it: an URL's path may carry a token. */
export function describeSource(source: ProvisioningSource): string {
  return source.kind === 'https' ? `https://${new URL(source.url).host}/…` : source.path;
}

/** Reads one pinned key; throws a sentence saying what is wrong. */
export function readPublicKey(raw: string): KeyObject {
  let pem = raw;
  if (!raw.includes('-----BEGIN')) {
    if (!path.isAbsolute(raw)) throw new Error(`"${raw}" is not PEM text, nor a full path`);
    try {
      pem = readFileSync(raw, 'utf8');
    } catch (error) {
      throw new Error(`cannot read "${raw}" (${(error as { code?: string }).code ?? 'error'})`);
    }
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('it is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('it is not an Ed25519 key');
  return key;
}

/** Values the schema cannot open where it runs: protected for this PC, or in the vault. */
const SEALED = /^(safe|vault):/;

/** The 32 key bytes of fleet.key's text (base64url, or base64); null when it is not one. */
export function fleetKeyBytes(text: string): Buffer | null {
  if (SEALED.test(text)) return null;
  const clean = text.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]+$/.test(clean)) return null;
  const bytes = Buffer.from(clean, 'base64url');
  return bytes.length === 32 ? bytes : null;
}

export const isSealedSecret = (text: string): boolean => SEALED.test(text);
