// What RFC 6184 (H.264) and RFC 7798 (H.265) payloads have in common: fragmentation units
// reassembled into one NAL unit, and aggregation packets of 16-bit-size-prefixed NAL units.

/** A NAL unit being reassembled from fragmentation units. */
export interface Fragment {
  parts: Uint8Array[];
  bytes: number;
}

/** Reassembly stops at this size; a bigger NAL unit is corruption. */
export const MAX_FRAGMENTED_NAL_BYTES = 8 * 1024 * 1024;

export interface Unpacked {
  nalus: Uint8Array[];
  fragment: Fragment | undefined;
}

/** Shared by H.264 and H.265 fragmentation units. */
export function finishFragment(fragment: Fragment, end: boolean): Unpacked {
  if (fragment.bytes > MAX_FRAGMENTED_NAL_BYTES) return { nalus: [], fragment: undefined };
  if (!end) return { nalus: [], fragment };
  const out = new Uint8Array(fragment.bytes);
  let at = 0;
  for (const part of fragment.parts) {
    out.set(part, at);
    at += part.length;
  }
  return { nalus: [out], fragment: undefined };
}

/** STAP-A / AP: 16-bit size then NAL unit, repeated, from `offset`. Stops at a bad size. */
export function splitAggregate(p: Uint8Array, offset: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = offset;
  while (at + 2 <= p.length) {
    const size = (p[at]! << 8) | p[at + 1]!;
    at += 2;
    if (size === 0 || at + size > p.length) break;
    out.push(p.subarray(at, at + size));
    at += size;
  }
  return out;
}
