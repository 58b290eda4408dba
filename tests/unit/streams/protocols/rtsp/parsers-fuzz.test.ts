// Fuzzes every stream parser with a seeded PRNG: 100,000 random and mutated inputs each (a
// million with FUZZ_LONG=1, `npm run fuzz:long`): bit flips, truncation, splicing, inserted
// bytes, some large inputs, delivered whole, a byte at a time or in random pieces. Nothing may
// throw, what comes out stays bounded, the readers give the same items however the bytes are
// split, and the same items as the pre-fix readers. Parser state is fresh per input and a
// failure names the FUZZ_SEED and FUZZ_ITERATION that reproduce it (see fuzz-harness.ts).
import { describe, expect, it } from 'vitest';
import { LegacyInterleavedReader } from '../../../../bench/legacy/legacy-interleaved-reader';
import {
  InterleavedReader,
  type InterleavedItem,
  MAX_BODY_BYTES,
  MAX_HEAD_BYTES,
} from '../../../../../electron/streams/protocols/rtsp/interleaved-reader';
import {
  parseHead,
  parseSessionHeader,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-message';
import { parseSdp, pickVideoTrack } from '../../../../../electron/streams/protocols/rtsp/sdp';
import { parseRtp } from '../../../../../electron/streams/protocols/rtsp/rtp-packet';
import {
  MAX_ACCESS_UNIT_BYTES,
  RtpDepacketizer,
} from '../../../../../electron/streams/protocols/rtsp/rtp-depacketizer';
import { parseChallenges } from '../../../../../electron/streams/protocols/rtsp/rtsp-auth';
import { FlvVideoMuxer } from '../../../../../electron/streams/flv/video-muxer';
import { readH264Sps } from '../../../../../electron/streams/codecs/h264/sps';
import { readHevcSps } from '../../../../../electron/streams/codecs/h265/sps';
import { parseRtspUrl } from '../../../../../electron/streams/protocols/rtsp/rtsp-url';
import {
  DAHUA_SDP,
  GSTREAMER_H264_SDP,
  GSTREAMER_H265_SDP,
  HIKVISION_SDP,
  ANNEXB_SPROP_SDP,
  IDR,
  PPS,
  P_SLICE,
  SPS,
  fuA,
  interleaved,
  rtp,
  stapA,
} from './samples';
import {
  FUZZ_REPLAY,
  FUZZ_TIMEOUT_MS,
  bounded,
  bytes,
  cat,
  fuzz,
  hex,
  same,
  showRtsp,
  type Mutator,
} from './fuzz-harness';

/** 1 to 6 packets, each a mutated sample, in order (a depacketizer needs runs of them). */
const packets = (samples: Uint8Array[]) => (m: Mutator) =>
  Array.from({ length: 1 + m.int(6) }, () => m.mutate(samples));
const showPackets = (input: Uint8Array[]) => input.map(hex).join(',');

/** The reader's items stay within its limits. */
function checked(items: InterleavedItem[]): InterleavedItem[] {
  for (const item of items) {
    if (item.kind === 'frame') bounded(item.payload.length, 0xffff, 'item.payload.length');
    if (item.kind === 'response')
      bounded(item.response.body.length, MAX_BODY_BYTES, 'item.response.body.length');
  }
  return items;
}

/** The pre-fix readers are quadratic on long lines: compare with them on inputs this small. */
const LEGACY_MAX = 8 * 1024;

const RESPONSES = [
  'RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER\r\n\r\n',
  'RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm="IP Camera", nonce="abc", stale="FALSE"\r\n\r\n',
  `RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Base: rtsp://h/cam1/\r\nContent-Length: ${DAHUA_SDP.length}\r\n\r\n${DAHUA_SDP}`,
  'RTSP/1.0 200 OK\r\nCSeq: 4\r\nSession: 1234;timeout=60\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n',
].map(bytes);

describe('parser fuzzing (seeded)', () => {
  it(
    'RTSP heads and interleaved framing, against the pre-fix reader',
    { timeout: FUZZ_TIMEOUT_MS },
    () => {
      const frames = [
        interleaved(0, rtp({ seq: 1, ts: 1, payload: IDR })),
        interleaved(1, new Uint8Array(8)),
      ];
      // Starts in the middle of a line (after a capital) are resynchronised; seed some.
      const midLine = ['Zq ', 'XX ', 'A$\x00\x00\x00 '].map((p) => cat(bytes(p), RESPONSES[0]!));
      const samples = [
        ...RESPONSES,
        ...frames,
        ...midLine,
        bytes('Zq ANNOUNCE rtsp://h/cam RTSP/1.0\r\nCSeq: 9\r\n\r\n'),
        cat(RESPONSES[3]!, frames[0]!),
      ];
      fuzz(
        'interleaved',
        1,
        (m) => m.input(samples),
        (input, m) => {
          const text = Buffer.from(input.subarray(0, 4096)).toString('latin1');
          const head = parseHead(text);
          if (head.kind === 'response') bounded(head.status, 1000 - 1, 'head.status');
          parseSessionHeader(text);
          const whole = new InterleavedReader();
          const expected = showRtsp(checked(whole.push(input)));
          bounded(whole.pendingBytes, MAX_HEAD_BYTES + 0x10000, 'whole.pendingBytes');
          // However TCP splits it: the same items and the same bytes left waiting.
          const chunks = m.chunks(input);
          const split = new InterleavedReader();
          const legacy = input.length <= LEGACY_MAX ? new LegacyInterleavedReader() : undefined;
          const got: string[] = [];
          for (const chunk of chunks) {
            const items = split.push(chunk);
            got.push(showRtsp(checked(items)));
            if (legacy)
              same(showRtsp(legacy.push(chunk)), showRtsp(items), 'new and pre-fix items');
            if (legacy) same(`${legacy.pendingBytes}`, `${split.pendingBytes}`, 'pending bytes');
          }
          same(got.filter(Boolean).join('\n'), expected, 'whole and split items');
          same(`${split.pendingBytes}`, `${whole.pendingBytes}`, 'whole and split pending bytes');
        },
      );
    },
  );

  it('SDP and track choice', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const samples = [
      GSTREAMER_H264_SDP,
      GSTREAMER_H265_SDP,
      HIKVISION_SDP,
      DAHUA_SDP,
      ANNEXB_SPROP_SDP,
    ].map(bytes);
    fuzz(
      'sdp',
      2,
      (m) => m.mutate(samples),
      (input) => {
        const sdp = parseSdp(Buffer.from(input).toString('utf8'));
        bounded(sdp.media.length, 2000, 'sdp.media.length');
        const choice = pickVideoTrack(sdp);
        if (choice.ok) {
          bounded(choice.track.sps.length, 64, 'choice.track.sps.length');
          for (const nal of choice.track.sps) readH264Sps(nal);
          for (const nal of choice.track.sps) readHevcSps(nal);
        }
      },
    );
  });

  it('RTP headers and H.264 depacketising and muxing', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const fus = fuA(
      Uint8Array.from({ length: 900 }, (_, i) => (i ? i & 0xff : 0x65)),
      300,
    );
    const samples = [
      rtp({ seq: 1, ts: 0, payload: stapA([SPS, PPS]) }),
      rtp({ seq: 2, ts: 0, payload: IDR, marker: true, csrc: 2, extensionWords: 2, padding: 3 }),
      rtp({ seq: 3, ts: 3600, payload: P_SLICE, marker: true }),
      ...fus.map((f, i) => rtp({ seq: 4 + i, ts: 7200, payload: f, marker: i === fus.length - 1 })),
    ];
    let tags = 0;
    fuzz(
      'rtp-h264',
      3,
      packets(samples),
      (input) => {
        // A fresh depacketizer and muxer per input (a short run of packets), so one input
        // reproduces a failure.
        const d = new RtpDepacketizer('h264');
        const muxer = new FlvVideoMuxer('h264', { vps: [], sps: [SPS], pps: [PPS] });
        for (const packet of input) {
          const p = parseRtp(packet);
          if (!p) continue;
          bounded(p.payload.length, packet.length - 12, 'p.payload.length');
          for (const au of d.push(p.sequence, p.timestamp, p.marker, p.payload)) {
            const size = au.nalus.reduce((n, x) => n + x.length, 0);
            bounded(size, MAX_ACCESS_UNIT_BYTES, 'access unit bytes');
            for (const tag of muxer.push(au, 0)) {
              tags++;
              bounded(tag.data.length, MAX_ACCESS_UNIT_BYTES * 2 - 1, 'tag.data.length');
            }
          }
        }
      },
      showPackets,
    );
    // The mutations must still reach the muxer, or this fuzzes only the header check. (Not
    // when FUZZ_ITERATION replays one input: one input cannot reach the total.)
    if (!FUZZ_REPLAY) expect(tags).toBeGreaterThan(100);
  });

  it('H.265 depacketising and muxing', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const vps = Uint8Array.from(Buffer.from('QAEMAf//AWAAAAMAkAAAAwAAAwA/ugJA', 'base64'));
    const sps = Uint8Array.from(
      Buffer.from('QgEBAWAAAAMAkAAAAwAAAwA/oAUCAXHy5bpKTC//AAEAAWoMDAwIAAADAAgAAAMAyEA=', 'base64'),
    );
    const pps = Uint8Array.from(Buffer.from('RAHAcYMS', 'base64'));
    const ap = [0x60, 0x01];
    for (const n of [vps, sps, pps]) ap.push(n.length >> 8, n.length & 0xff, ...n);
    const samples = [
      rtp({ seq: 1, ts: 0, payload: ap }),
      rtp({ seq: 2, ts: 0, payload: [0x62, 0x01, 0x93, 1, 2, 3] }),
      rtp({ seq: 3, ts: 0, payload: [0x62, 0x01, 0x53, 4, 5], marker: true }),
      rtp({ seq: 4, ts: 3600, payload: [0x02, 0x01, 0xaa], marker: true }),
    ];
    fuzz(
      'rtp-h265',
      4,
      packets(samples),
      (input) => {
        const d = new RtpDepacketizer('h265');
        const muxer = new FlvVideoMuxer('h265', { vps: [vps], sps: [sps], pps: [pps] });
        for (const packet of input) {
          const p = parseRtp(packet);
          if (!p) continue;
          for (const au of d.push(p.sequence, p.timestamp, p.marker, p.payload)) muxer.push(au, 0);
        }
      },
      showPackets,
    );
  });

  it('auth challenges, parameter sets and URLs', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const samples = [
      'Digest realm="IP Camera(C1234)", nonce="a8f0c7e1b6", stale="FALSE", qop="auth"',
      'Basic realm="/", Digest realm="x", nonce=abc, opaque="zz", algorithm=MD5',
      'rtsp://admin:p%40ss@192.168.1.64:554/Streaming/Channels/101?transportmode=unicast',
      'rtsps://[fe80::1]:322/cam/realmonitor?channel=1&subtype=0',
    ].map(bytes);
    const sps = [
      SPS,
      Uint8Array.from(
        Buffer.from(
          'QgEBAWAAAAMAkAAAAwAAAwA/oAUCAXHy5bpKTC//AAEAAWoMDAwIAAADAAgAAAMAyEA=',
          'base64',
        ),
      ),
    ];
    fuzz(
      'auth-url',
      5,
      (m) => m.mutate(samples),
      (input) => {
        const text = Buffer.from(input).toString('latin1');
        for (const c of parseChallenges([text]))
          bounded(Object.keys(c.params).length, 8192 - 1, 'Object.keys(c.params).length');
        parseRtspUrl(text);
      },
    );
    fuzz(
      'sps',
      6,
      (m) => m.mutate(sps),
      (input) => {
        const a = readH264Sps(input);
        if (a?.width) bounded(a.width, 16384, 'a.width');
        const b = readHevcSps(input);
        if (b?.width) bounded(b.width, 16384, 'b.width');
      },
    );
  });
});
