// RFC 7798 payloads: single NAL unit, aggregation packet (48) and fragmentation unit (49).
// DONL fields only exist when sprop-max-don-diff > 0, which cameras do not signal; PACI (50)
// is skipped.
import {
  appendFragment,
  finishFragment,
  splitAggregate,
  startFragment,
  type Fragment,
  type Unpacked,
} from '../rtp-nal-units';

/** `spare`: a buffer a new fragment may reuse (see startFragment). */
export function unpackH265(
  p: Uint8Array,
  fragment: Fragment | undefined,
  spare?: Uint8Array,
): Unpacked {
  if (p.length < 3) return { nalus: [], fragment };
  const type = (p[0]! >> 1) & 0x3f;
  if (type < 48) return { nalus: [p], fragment: undefined };
  if (type === 48) return { nalus: splitAggregate(p, 2), fragment: undefined };
  if (type === 49) {
    const fu = p[2]!;
    const start = (fu & 0x80) !== 0;
    const end = (fu & 0x40) !== 0;
    const body = p.subarray(3);
    if (start) {
      // Rebuild the 2-byte NAL header with the real type from the FU header.
      fragment = startFragment([(p[0]! & 0x81) | ((fu & 0x3f) << 1), p[1]!], body, spare);
    } else if (fragment) {
      appendFragment(fragment, body);
    } else {
      return { nalus: [], fragment: undefined };
    }
    return finishFragment(fragment, end);
  }
  return { nalus: [], fragment: undefined };
}
