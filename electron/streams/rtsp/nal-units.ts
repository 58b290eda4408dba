// NAL unit helpers shared by the SDP reader, the depacketisers and the FLV muxer.

/** Splits Annex-B bytes (00 00 01 / 00 00 00 01 start codes) into NAL units. */
export function splitAnnexB(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < bytes.length) {
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) {
      if (start >= 0) out.push(trimTrailingZeros(bytes.subarray(start, i)));
      i += 3;
      start = i;
      continue;
    }
    i++;
  }
  if (start >= 0) out.push(bytes.subarray(start));
  return out.filter((n) => n.length > 0);
}

function trimTrailingZeros(nal: Uint8Array): Uint8Array {
  let end = nal.length;
  while (end > 0 && nal[end - 1] === 0) end--;
  return nal.subarray(0, end);
}

function hasStartCode(b: Uint8Array): boolean {
  return (
    (b.length >= 3 && b[0] === 0 && b[1] === 0 && b[2] === 1) ||
    (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 1)
  );
}

/**
 * Decodes a comma-separated list of base64 parameter sets. Some cameras put Annex-B start
 * codes inside the base64 (or several NAL units in one entry); those are split out.
 */
export function splitParameterSets(value: string | undefined): Uint8Array[] {
  if (!value) return [];
  const out: Uint8Array[] = [];
  for (const part of value.split(',').slice(0, 16)) {
    const text = part.trim();
    if (!text) continue;
    const bytes = new Uint8Array(Buffer.from(text, 'base64'));
    if (bytes.length === 0) continue;
    if (hasStartCode(bytes)) out.push(...splitAnnexB(bytes));
    else out.push(bytes);
  }
  return out.filter((n) => n.length > 0);
}

export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
