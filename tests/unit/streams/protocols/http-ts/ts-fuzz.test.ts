// Fuzzes the MPEG-TS path with the seeded harness the other parser fuzzers use: 20,000 random
// and corrupted inputs (200,000 with FUZZ_LONG=1): noise, bit flips, truncation, dropped,
// duplicated and spliced packets, inserted bytes, random chunking. Nothing may throw, and what
// comes out stays bounded. Each input comes from its own PRNG seeded from (FUZZ_SEED,
// iteration) and meets a fresh demuxer, muxers and feed, so a failure names the FUZZ_SEED and
// FUZZ_ITERATION that replay it alone. The demuxer and the muxer run bare here, since the feed
// would turn a throw into a failure and hide it.
import { describe, expect, it } from 'vitest';
import { MAX_PES_BYTES } from '../../../../../electron/streams/protocols/http-ts/pes-assembler';
import { TsDemuxer } from '../../../../../electron/streams/protocols/http-ts/ts-demuxer';
import { TsStreamFeed } from '../../../../../electron/streams/protocols/http-ts/ts-stream-feed';
import { TsVideoMuxer } from '../../../../../electron/streams/protocols/http-ts/ts-video-muxer';
import { FUZZ_LONG, FUZZ_REPLAY, FUZZ_TIMEOUT_MS, bounded, fuzz, hex } from '../rtsp/fuzz-harness';
import { H264_TS, H265_TS, cat, chunked, packets } from './ts-samples';

/** A fifth of the other parsers' count: an input here is up to 44 packets through three stages. */
const N = FUZZ_LONG ? 200_000 : 20_000;
/** The harness's stream number for this fuzzer (the RTSP and FLV ones use 1 to 7). */
const STREAM = 8;
const SOURCES = [packets(H264_TS), packets(H265_TS)];

/** One corrupted input: a run of real packets, damaged one of several ways, or pure noise. */
function makeInput(rnd: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rnd() * n);
  const noise = (n: number) => new Uint8Array(n).map(() => int(256));
  const source = SOURCES[int(SOURCES.length)]!;
  // Half the runs start at the top (PAT, PMT, IDR), so damaged pictures reach the muxer.
  const from = rnd() < 0.5 ? 0 : int(source.length - 8);
  const run = source.slice(from, from + 4 + int(40));
  switch (int(7)) {
    case 0:
      return noise(int(4096));
    case 1: {
      // Bit flips anywhere, headers included.
      const bytes = cat(run);
      for (let i = int(20); i >= 0; i--) bytes[int(bytes.length)]! ^= 1 << int(8);
      return bytes;
    }
    case 2:
      return cat(run).subarray(0, int(run.length * 188)); // truncated mid-packet
    case 3: // dropped and duplicated packets
      return cat(run.flatMap((p) => (rnd() < 0.15 ? [] : rnd() < 0.1 ? [p, p] : [p])));
    case 4: // bytes inserted between (and inside) packets
      return cat(run.flatMap((p) => (rnd() < 0.2 ? [noise(int(200)), p] : [p])));
    case 5: // packets from both files interleaved, so tables and codecs collide
      return cat(run.flatMap((p, i) => [p, SOURCES[1]![(from + i) % SOURCES[1]!.length]!]));
    default: {
      // Every byte after the sync byte randomised, packet structure kept.
      const bytes = cat(run);
      for (let at = 0; at < bytes.length; at += 188) {
        if (rnd() < 0.3) bytes.set(noise(Math.min(187, bytes.length - at - 1)), at + 1);
      }
      return bytes;
    }
  }
}

describe('MPEG-TS fuzz', () => {
  it(
    `never throws on ${N} random and corrupted inputs, split anywhere`,
    () => {
      let pictures = 0;
      fuzz(
        'MPEG-TS demuxer, muxers and feed',
        STREAM,
        (m) => {
          const input = makeInput(m.rnd);
          return { input, chunks: chunked(input, m.rnd, m.rnd() < 0.1 ? 3 : 2000) };
        },
        ({ chunks }) => {
          const demuxer = new TsDemuxer();
          const muxers = { h264: new TsVideoMuxer('h264'), h265: new TsVideoMuxer('h265') };
          let codec: 'h264' | 'h265' = 'h264';
          for (const chunk of chunks) {
            for (const event of demuxer.push(chunk)) {
              if (event.kind === 'program' && event.video.kind === 'video') {
                codec = event.video.codec;
              } else if (event.kind === 'gap') muxers[codec].gap();
              else if (event.kind === 'video') {
                bounded(event.pes.data.length, MAX_PES_BYTES, 'PES size');
                for (const tag of muxers[codec].push(event.pes)) {
                  bounded(tag.data.length, MAX_PES_BYTES + 64 * 1024, 'tag size');
                  bounded(-tag.timestamp, 0, 'negative timestamp');
                  pictures++;
                }
              }
            }
          }
          demuxer.flush();
          const feed = new TsStreamFeed(
            {
              onTag: () => {},
              onEnd: (failure) => {
                if (/demuxer failed/.test(failure.message)) throw new Error(failure.message);
              },
            },
            'fuzz',
          );
          for (const chunk of chunks) if (!feed.push(chunk)) break;
        },
        ({ input }) => hex(input),
        N,
      );
      // The corruption is not so total that nothing decodes: the muxers were exercised.
      if (!FUZZ_REPLAY) expect(pictures).toBeGreaterThan(N / 20);
    },
    FUZZ_TIMEOUT_MS,
  );
});
