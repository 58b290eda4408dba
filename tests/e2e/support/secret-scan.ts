// Looks for test secrets in everything a run leaves behind: text, files, whole folders. Each
// secret is looked for in the forms it could leak in: as typed, URL-encoded (inside a URL),
// base64 (a Basic header, an encoded blob), and the user:password pair a login sends.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Needle {
  /** Which secret, in which form: "good password (url-encoded)". */
  label: string;
  text: string;
}

export interface Finding {
  where: string;
  needle: string;
  excerpt: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The forms of each secret worth looking for; `user` is the login that goes with passwords. */
export function needlesFor(secrets: Record<string, string>, user: string): Needle[] {
  const needles: Needle[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    const forms: Record<string, string> = {
      'as typed': secret,
      'url-encoded': encodeURIComponent(secret),
      'form-encoded': new URLSearchParams({ s: secret }).toString().slice(2),
      base64: base64(secret),
      'user:password': `${user}:${secret}`,
      'user:password base64 (Basic)': base64(`${user}:${secret}`),
      'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    };
    const seen = new Set<string>();
    for (const [form, text] of Object.entries(forms)) {
      if (seen.has(text)) continue;
      seen.add(text);
      needles.push({ label: `${name} (${form})`, text });
    }
  }
  return needles;
}

/** Where in `text` any needle occurs; `where` names the place for the report. */
export function findIn(where: string, text: string, needles: readonly Needle[]): Finding[] {
  const found: Finding[] = [];
  for (const needle of needles) {
    const at = text.indexOf(needle.text);
    if (at < 0) continue;
    const excerpt = text.slice(Math.max(0, at - 80), at + needle.text.length + 80);
    found.push({ where, needle: needle.label, excerpt });
  }
  return found;
}

/** Every file under `dir` (recursively), with its path relative to `dir`. */
export function filesUnder(dir: string): { path: string; relative: string }[] {
  const files: { path: string; relative: string }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path, relative: relative(dir, path) });
    }
  };
  walk(dir);
  return files;
}

/**
 * Reads a file both as UTF-8 and as Latin-1, so that a secret inside a binary file (an image's
 * text chunk, a database page) is found as well as in a text file.
 */
export function findInFile(path: string, where: string, needles: readonly Needle[]): Finding[] {
  const bytes = readFileSync(path);
  const asText = bytes.toString('utf8');
  const found = findIn(where, asText, needles);
  const asLatin1 = bytes.toString('latin1');
  if (asLatin1 !== asText) {
    for (const finding of findIn(where, asLatin1, needles)) {
      if (!found.some((f) => f.needle === finding.needle)) found.push(finding);
    }
  }
  return found;
}

/** Secret-bearing keys of a request the page sends: what staff typed goes to main this way. */
const SECRET_KEYS = new Set(['password', 'token', 'secret', 'passphrase']);
/** The user:password@ part of a URL. */
const USER_INFO = /\/\/[^/@]*@/;

/**
 * A request frame the page sent, without the fields that are meant to carry what staff typed
 * (a password, token, secret or export passphrase, as `{ value }` or a string, and the
 * user:password@ of a URL typed with them). What is left
 * must hold no secret: not in a URL, a name, a channel. Returns the rest and how many secret
 * fields it removed.
 */
export function withoutTypedSecrets(frame: string): { rest: string; removed: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return { rest: frame, removed: 0 };
  }
  let removed = 0;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const typed =
        typeof inner === 'string' ||
        (typeof inner === 'object' && inner !== null && 'value' in inner);
      if (SECRET_KEYS.has(key) && typed) {
        removed += 1;
        out[key] = '<typed secret>';
      } else if (key === 'url' && typeof inner === 'string' && USER_INFO.test(inner)) {
        // Typed into the URL field (rtsp://user:pass@…): main lifts it into the vault.
        removed += 1;
        out[key] = inner.replace(USER_INFO, '//<typed secret>@');
      } else out[key] = strip(inner);
    }
    return out;
  };
  return { rest: JSON.stringify(strip(parsed)), removed };
}
