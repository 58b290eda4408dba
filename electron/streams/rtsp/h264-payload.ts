// RFC 6184 payloads: single NAL unit (1-23), STAP-A (24) and FU-A (28). STAP-B, MTAP and
// FU-B are for interleaved mode, which cameras do not use over RTSP; they are skipped.

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

export function unpackH264(p: Uint8Array, fragment: Fragment | undefined): Unpacked {
  if (p.length < 1) return { nalus: [], fragment };
  const type = p[0]! & 0x1f;
  if (type >= 1 && type <= 23) return { nalus: [p], fragment: undefined };
  if (type === 24) return { nalus: splitAggregate(p, 1), fragment: undefined };
  if (type === 28) {
    if (p.length < 3) return { nalus: [], fragment: undefined };
    const fu = p[1]!;
    const start = (fu & 0x80) !== 0;
    const end = (fu & 0x40) !== 0;
    const body = p.subarray(2);
    if (start) {
      const header = new Uint8Array([(p[0]! & 0xe0) | (fu & 0x1f)]);
      fragment = { parts: [header, body], bytes: 1 + body.length };
    } else if (fragment) {
      fragment.parts.push(body);
      fragment.bytes += body.length;
    } else {
      return { nalus: [], fragment: undefined }; // middle of a NAL whose start we missed
    }
    return finishFragment(fragment, end);
  }
  return { nalus: [], fragment: undefined };
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
