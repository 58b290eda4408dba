// Validates an endpoint's security options (tls, allowBasicOverCleartext, allowRedirectTo)
// for validate-settings.ts. A CA given as a path is read here, once, so that a file that is
// missing or not PEM is named when the configuration loads, not as a vague TLS error later.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TlsSettings, TlsTrust } from './settings-model';

type Obj = Record<string, unknown>;
type Err = (path: string, message: string) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const FINGERPRINT = /^sha256:((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})$/i;
/** host or host:port; an IPv6 address goes in brackets, as in a URL. */
const REDIRECT_TARGET = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The trust for a TLS endpoint, or undefined (with errors reported) when `tls` is wrong. */
export function parseTls(
  raw: unknown,
  url: string,
  at: string,
  err: Err,
): { tls: TlsSettings; trust: TlsTrust } | undefined {
  if (!isObj(raw)) return void err(at, 'must be an object with "ca" and/or "fingerprint"');
  if (!/^(rtsps|https|wss):/i.test(url)) {
    return void err(at, 'applies only to rtsps://, https:// or wss:// URLs');
  }
  const tls: TlsSettings = {};
  const trust: TlsTrust = {};
  let ok = true;
  if (raw.ca !== undefined) {
    const ca = readCa(raw.ca, `${at}.ca`, err);
    if (ca === undefined) ok = false;
    else {
      tls.ca = raw.ca as string;
      trust.ca = ca;
    }
  }
  if (raw.fingerprint !== undefined) {
    const match = typeof raw.fingerprint === 'string' ? FINGERPRINT.exec(raw.fingerprint) : null;
    if (!match) {
      err(
        `${at}.fingerprint`,
        'must be "sha256:" and the 32-byte SHA-256 of the server certificate in hex, e.g. "sha256:AB:CD:…" (openssl x509 -noout -fingerprint -sha256 -in cert.pem)',
      );
      ok = false;
    } else {
      tls.fingerprint = raw.fingerprint as string;
      const hex = match[1]!.replace(/:/g, '').toUpperCase();
      trust.fingerprint256 = hex.match(/../g)!.join(':');
    }
  }
  if (raw.ca === undefined && raw.fingerprint === undefined) {
    err(at, 'must have "ca" and/or "fingerprint"');
    return undefined;
  }
  return ok ? { tls, trust } : undefined;
}

export function readCa(raw: unknown, at: string, err: Err): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return void err(at, 'must be PEM text or the absolute path of a PEM file');
  }
  let pem = raw;
  let source = 'the inline text';
  if (!raw.includes('-----BEGIN')) {
    if (!path.isAbsolute(raw)) {
      return void err(at, `"${raw}" is not PEM text, nor an absolute path of a PEM file`);
    }
    try {
      pem = readFileSync(raw, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      return void err(at, `cannot read "${raw}" (${code}); check the path and its permissions`);
    }
    source = `"${raw}"`;
  }
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    return void err(at, `${source} holds no "-----BEGIN CERTIFICATE-----" block`);
  }
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      return void err(at, `certificate ${i + 1} in ${source} is not a valid PEM certificate`);
    }
  }
  return blocks.join('\n');
}

export function parseRedirectAllowList(raw: unknown, at: string, err: Err): string[] | undefined {
  if (!Array.isArray(raw)) return void err(at, 'must be a list of "host" or "host:port"');
  const out: string[] = [];
  raw.forEach((entry, i) => {
    if (typeof entry !== 'string' || !REDIRECT_TARGET.test(entry.trim())) {
      err(`${at}[${i}]`, 'must be "host" or "host:port", without a scheme or path');
    } else out.push(entry.trim().toLowerCase());
  });
  return out.length === raw.length ? out : undefined;
}

export function parseFlag(raw: unknown, at: string, err: Err): boolean | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') return void err(at, 'must be true or false');
  return raw;
}
