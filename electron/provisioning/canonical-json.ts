// Canonical JSON (keys sorted, no whitespace) and strict base64url. The signer serialises the
// payload once, canonically, so two signers produce the same bytes for the same content; the
// verifier never re-serialises: it checks the signature over the exact bytes it received.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    // NaN and Infinity have no JSON form; JSON.stringify would silently write null.
    if (!Number.isFinite(value)) throw new Error('canonical JSON: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON: cannot serialise a ${typeof value}`);
}

export const toBase64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * Decodes base64url, or returns null. Node's decoder skips characters it does not know and
 * ignores stray padding bits; a damaged bundle must not decode to "something close", so the
 * text has to be exactly the encoding of the bytes it yields.
 */
export function fromBase64urlStrict(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}
