// The renderer's Content-Security-Policy, directive by directive: every directive the wall
// sends is listed with its exact sources, so loosening one (an 'unsafe-inline' script, a
// wildcard connect-src) fails here and has to be argued for.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/gateway/content-security-policy';

const GATEWAY = 'ws://127.0.0.1:41234';

/** Directive name → its sources, in order; a repeated directive would be a bug of its own. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) throw new Error(`empty directive in ${JSON.stringify(policy)}`);
    if (out.has(name)) throw new Error(`directive ${name} given twice`);
    out.set(name, sources);
  }
  return out;
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(GATEWAY);
  const csp = directives(policy);

  it('has exactly these directives, each with exactly these sources', () => {
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // React sets style attributes on elements; inline styles cannot run code.
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      // mpegts.js plays through Media Source Extensions: blob: URLs on the <video>.
      'media-src': ["'self'", 'blob:'],
      'connect-src': ["'self'", GATEWAY],
      // Room for mpegts.js's demuxing worker, built from a blob: URL (off in the wall today).
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('runs only the app’s own script files: nothing inline, no eval, no other origin', () => {
    const scripts = csp.get('script-src')!;
    expect(scripts).toEqual(["'self'"]);
    for (const unsafe of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
      'data:',
      'blob:',
      '*',
    ]) {
      expect(scripts).not.toContain(unsafe);
    }
    // No script-src-elem / script-src-attr that could loosen script-src.
    expect([...csp.keys()].filter((name) => name.startsWith('script-src'))).toEqual(['script-src']);
  });

  it('connects only to the app itself and the gateway origin it is given', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", GATEWAY]);
    const other = directives(contentSecurityPolicy('ws://127.0.0.1:5000'));
    expect(other.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5000']);
  });

  it('has no wildcard, plain scheme or http(s) source anywhere but the gateway', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/\*/);
        if (source !== GATEWAY) expect(source, `${name} ${source}`).not.toMatch(/^(https?|wss?):/);
      }
    }
  });

  it('is one header value: directives joined by "; ", no trailing separator or newline', () => {
    expect(policy).toMatch(/^[a-z-]+ [^;\n]+(; [a-z-]+ [^;\n]+)*$/);
    expect(policy.split('; ')).toHaveLength(csp.size);
  });
});
