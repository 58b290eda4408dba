// RFC 6184 payloads: single NAL unit (1-23), STAP-A (24) and FU-A (28). STAP-B, MTAP and
// FU-B are for interleaved mode, which cameras do not use over RTSP; they are skipped.

import {
  appendFragment,
  finishFragment,
  splitAggregate,
  startFragment,
  type Fragment,
  type Unpacked,
} from '../rtp-nal-units';

/** `spare`: a buffer a new fragment may reuse (see startFragment). */
export function unpackH264(
  p: Uint8Array,
  fragment: Fragment | undefined,
  spare?: Uint8Array,
): Unpacked {
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
      fragment = startFragment([(p[0]! & 0xe0) | (fu & 0x1f)], body, spare);
    } else if (fragment) {
      appendFragment(fragment, body);
    } else {
      return { nalus: [], fragment: undefined }; // middle of a NAL whose start we missed
    }
    return finishFragment(fragment, end);
  }
  return { nalus: [], fragment: undefined };
}
