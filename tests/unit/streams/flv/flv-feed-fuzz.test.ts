// Fuzzes the FLV reader as the HTTP-FLV and WS-FLV sources use it, through FlvStreamFeed:
// mutated, truncated and random FLV (and some large inputs, such as the whole demo clip),
// delivered whole, a byte at a time or in random pieces. Nothing may throw, the reader gives
// the same results however the bytes are split and the same as the pre-fix reader, and the
// feed passes every tag on or ends once with a protocol error. Seeds and FUZZ_LONG=1 as in
// tests/unit/streams/rtsp/fuzz-harness.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import { encodeFlvHeader, encodeFlvTag } from '../../../../electron/streams/flv/flv-writer';
import { FlvStreamFeed } from '../../../../electron/streams/protocols/http-pull/flv-stream-feed';
import type { SourceFailure } from '../../../../electron/streams/core/source';
import { LegacyFlvReader } from '../../../bench/legacy/legacy-flv-reader';
import {
  FUZZ_REPLAY,
  FUZZ_TIMEOUT_MS,
  bounded,
  bytes,
  cat,
  fuzz,
  same,
  showFlv,
} from '../protocols/rtsp/fuzz-harness';

/** The pre-fix reader copies per chunk: compare with it on inputs this small. */
const LEGACY_MAX = 8 * 1024;

describe('FLV fuzzing (seeded)', () => {
  it(
    'FLV through the HTTP-FLV / WS-FLV feed, against the pre-fix reader',
    { timeout: FUZZ_TIMEOUT_MS },
    () => {
      const clip = readFileSync(join(__dirname, '../../../../assets/demo/clip-1.flv'));
      const header = encodeFlvHeader({ audio: false, video: true });
      const tags = [
        encodeFlvTag({ type: 18, timestamp: 0, data: bytes('\x02\x00\x0aonMetaData') }),
        encodeFlvTag({ type: 9, timestamp: 0, data: Uint8Array.from([0x17, 0, 0, 0, 0, 1, 2]) }),
        encodeFlvTag({ type: 9, timestamp: 40, data: Uint8Array.from([0x27, 1, 0, 0, 0, 7]) }),
        encodeFlvTag({ type: 8, timestamp: 2 ** 25, data: Uint8Array.from([0xaf, 1, 9]) }),
      ];
      const samples = [
        cat(header, ...tags),
        cat(...tags),
        Uint8Array.from(clip.subarray(0, 2048)),
        bytes('HTTP/1.1 403 Forbidden\r\n\r\n<html>no</html>'),
      ];
      let tagged = 0;
      let failed = 0;
      fuzz(
        'flv-feed',
        7,
        (m) => (m.int(2000) === 0 ? Uint8Array.from(clip) : m.input(samples)),
        (input, m) => {
          const whole = new FlvReader().push(input);
          const chunks = m.chunks(input);
          const split = new FlvReader();
          const legacy = input.length <= LEGACY_MAX ? new LegacyFlvReader() : undefined;
          const results = chunks.flatMap((chunk) => {
            const got = split.push(chunk);
            if (legacy) same(showFlv(legacy.push(chunk)), showFlv(got), 'new and pre-fix results');
            return got;
          });
          same(showFlv(results), showFlv(whole), 'whole and split results');
          const tagCount = results.filter((r) => r.kind === 'tag').length;
          const errors = results.filter((r) => r.kind === 'error').length;
          bounded(errors, 1, 'errors');
          // The feed, as the sources use it: tags pass through, a malformed stream ends it once.
          const ends: SourceFailure[] = [];
          let fed = 0;
          const feed = new FlvStreamFeed({ onTag: () => fed++, onEnd: (f) => ends.push(f) }, 'f');
          let open = true;
          for (const chunk of chunks) {
            const ok = feed.push(chunk);
            if (!open && ok) throw new Error('push accepted bytes after the feed ended');
            open = ok;
          }
          same(`${fed}`, `${tagCount}`, 'tags through the feed');
          same(`${open}`, `${errors === 0}`, 'feed still open');
          feed.serverClosed({ code: 'stalled', message: 'closed' });
          same(`${ends.length}`, '1', 'onEnd calls');
          if (errors > 0) same(ends[0]!.code, 'protocol-error', 'failure code');
          tagged += tagCount > 0 ? 1 : 0;
          failed += errors;
        },
      );
      // The mutations must reach both outcomes, or this fuzzes only the header check. (Not
      // when FUZZ_ITERATION replays one input: one input cannot reach the totals.)
      if (!FUZZ_REPLAY) {
        expect(tagged).toBeGreaterThan(1000);
        expect(failed).toBeGreaterThan(1000);
      }
    },
  );
});
