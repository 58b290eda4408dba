// What RFC 6184 (H.264) and RFC 7798 (H.265) payloads have in common: fragmentation units
// reassembled into one NAL unit, and aggregation packets of 16-bit-size-prefixed NAL units.

/**
 * A NAL unit being reassembled from fragmentation units, in memory of its own: each part is
 * copied in as it arrives (the packet it came in may be a view of a socket buffer that the
 * next read overwrites), into a buffer that grows by doubling, so a NAL unit costs a few
 * allocations however many packets carry it, and finishing it copies nothing.
 */
export interface Fragment {
  buf: Uint8Array;
  bytes: number;
}

/**
 * Starts a fragment with the rebuilt NAL header, then the first part. `spare`: a buffer whose
 * bytes nothing needs any more (the last fragment's, once its NAL unit was copied out), used
 * instead of a new one when it is large enough.
 */
export function startFragment(
  header: ArrayLike<number>,
  body: Uint8Array,
  spare?: Uint8Array,
): Fragment {
  const need = header.length + body.length;
  const buf =
    spare && spare.length >= need && need <= MAX_FRAGMENTED_NAL_BYTES
      ? spare
      : new Uint8Array(Math.max(4096, 2 * need));
  buf.set(header, 0);
  buf.set(body, header.length);
  return { buf, bytes: header.length + body.length };
}

/** Appends a part; past the size limit only the count grows (finishFragment drops it). */
export function appendFragment(fragment: Fragment, body: Uint8Array): void {
  const need = fragment.bytes + body.length;
  if (need > MAX_FRAGMENTED_NAL_BYTES) {
    fragment.bytes = need;
    return;
  }
  if (need > fragment.buf.length) {
    const grown = new Uint8Array(Math.min(MAX_FRAGMENTED_NAL_BYTES, 2 * need));
    grown.set(fragment.buf.subarray(0, fragment.bytes));
    fragment.buf = grown;
  }
  fragment.buf.set(body, fragment.bytes);
  fragment.bytes = need;
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
  return { nalus: [fragment.buf.subarray(0, fragment.bytes)], fragment: undefined };
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
