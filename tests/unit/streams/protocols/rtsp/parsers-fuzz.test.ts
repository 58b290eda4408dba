// Fuzzes every parser on the RTSP path with a seeded PRNG: at least 100,000 random and
// mutated inputs each (bit flips, truncation, splicing, inserted bytes). Nothing may throw,
// and what comes out stays bounded. A failing seed/iteration is printed for reproduction.
import { describe, expect, it } from 'vitest';
import {
  InterleavedReader,
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
  prng,
  rtp,
  stapA,
} from './samples';

const N = 100_000;

function cat(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A cheap check: expect() per iteration would dominate the run time. */
function bounded(value: number, max: number, what: string): void {
  if (!(value <= max)) throw new Error(`${what}: ${value} > ${max}`);
}
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

class Mutator {
  constructor(private readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  random(max: number): Uint8Array {
    const out = new Uint8Array(this.int(max));
    for (let i = 0; i < out.length; i++) out[i] = this.int(256);
    return out;
  }
  /** One or more mutations of a valid sample, or (1 in 8) pure random bytes. */
  mutate(samples: readonly Uint8Array[]): Uint8Array {
    if (this.int(8) === 0) return this.random(300);
    let b: Uint8Array = samples[this.int(samples.length)]!.slice();
    const rounds = 1 + this.int(3);
    for (let r = 0; r < rounds; r++) {
      switch (this.int(6)) {
        case 0: // bit flips
          for (let k = 0, n = 1 + this.int(4); k < n && b.length > 0; k++) {
            const at = this.int(b.length);
            b[at] = b[at]! ^ (1 << this.int(8));
          }
          break;
        case 1: // truncation
          b = b.slice(0, this.int(b.length + 1));
          break;
        case 2: {
          // splice with another sample
          const other = samples[this.int(samples.length)]!;
          const cut = this.int(b.length + 1);
          const from = this.int(other.length + 1);
          b = cat(b.subarray(0, cut), other.subarray(from));
          break;
        }
        case 3: {
          // inserted random bytes
          const at = this.int(b.length + 1);
          b = cat(b.subarray(0, at), this.random(16), b.subarray(at));
          break;
        }
        case 4: // interesting values
          if (b.length > 0) b[this.int(b.length)] = [0, 0xff, 0x7f, 0x80, 0x24, 0x0a][this.int(6)]!;
          break;
        default: {
          // duplicated segment
          const at = this.int(b.length + 1);
          const len = this.int(Math.min(64, b.length - at) + 1);
          b = cat(b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len));
        }
      }
    }
    return b;
  }
}

function fuzz(
  name: string,
  seed: number,
  samples: Uint8Array[],
  check: (input: Uint8Array) => void,
) {
  const m = new Mutator(prng(seed));
  for (let i = 0; i < N; i++) {
    const input = m.mutate(samples);
    try {
      check(input);
    } catch (err) {
      throw new Error(
        `${name}: seed ${seed}, iteration ${i}, input ${Buffer.from(input).toString('hex').slice(0, 400)}: ${String(err)}`,
      );
    }
  }
}

const RESPONSES = [
  'RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER\r\n\r\n',
  'RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm="IP Camera", nonce="abc", stale="FALSE"\r\n\r\n',
  `RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Base: rtsp://h/cam1/\r\nContent-Length: ${DAHUA_SDP.length}\r\n\r\n${DAHUA_SDP}`,
  'RTSP/1.0 200 OK\r\nCSeq: 4\r\nSession: 1234;timeout=60\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n',
].map(bytes);

describe('parser fuzzing (seeded)', () => {
  it('RTSP heads and interleaved framing', () => {
    const frames = [
      interleaved(0, rtp({ seq: 1, ts: 1, payload: IDR })),
      interleaved(1, new Uint8Array(8)),
    ];
    const samples = [...RESPONSES, ...frames, Uint8Array.from([...RESPONSES[3]!, ...frames[0]!])];
    const rnd = prng(99);
    const stream = new InterleavedReader();
    fuzz('interleaved', 1, samples, (input) => {
      const text = Buffer.from(input).toString('latin1');
      const head = parseHead(text);
      if (head.kind === 'response') bounded(head.status, 1000 - 1, 'head.status');
      parseSessionHeader(text);
      const r = new InterleavedReader();
      for (const item of r.push(input)) {
        if (item.kind === 'frame') bounded(item.payload.length, 0xffff, 'item.payload.length');
        if (item.kind === 'response')
          bounded(item.response.body.length, MAX_BODY_BYTES, 'item.response.body.length');
      }
      bounded(r.pendingBytes, MAX_HEAD_BYTES + 0x10000, 'r.pendingBytes');
      // One long-lived reader across inputs split at random points, as TCP would.
      const cut = Math.floor(rnd() * (input.length + 1));
      stream.push(input.subarray(0, cut));
      stream.push(input.subarray(cut));
      bounded(stream.pendingBytes, MAX_HEAD_BYTES + 0x10000, 'stream.pendingBytes');
    });
  });

  it('SDP and track choice', () => {
    const samples = [
      GSTREAMER_H264_SDP,
      GSTREAMER_H265_SDP,
      HIKVISION_SDP,
      DAHUA_SDP,
      ANNEXB_SPROP_SDP,
    ].map(bytes);
    fuzz('sdp', 2, samples, (input) => {
      const sdp = parseSdp(Buffer.from(input).toString('utf8'));
      bounded(sdp.media.length, 2000, 'sdp.media.length');
      const choice = pickVideoTrack(sdp);
      if (choice.ok) {
        bounded(choice.track.sps.length, 64, 'choice.track.sps.length');
        for (const nal of choice.track.sps) readH264Sps(nal);
        for (const nal of choice.track.sps) readHevcSps(nal);
      }
    });
  });

  it('RTP headers and H.264 depacketising and muxing', () => {
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
    const d = new RtpDepacketizer('h264');
    const muxer = new FlvVideoMuxer('h264', { vps: [], sps: [SPS], pps: [PPS] });
    let tags = 0;
    fuzz('rtp-h264', 3, samples, (input) => {
      const p = parseRtp(input);
      if (!p) return;
      bounded(p.payload.length, input.length - 12, 'p.payload.length');
      for (const au of d.push(p.sequence, p.timestamp, p.marker, p.payload)) {
        const size = au.nalus.reduce((n, x) => n + x.length, 0);
        bounded(size, MAX_ACCESS_UNIT_BYTES, 'access unit bytes');
        for (const tag of muxer.push(au, 0)) {
          tags++;
          bounded(tag.data.length, MAX_ACCESS_UNIT_BYTES * 2 - 1, 'tag.data.length');
        }
      }
    });
    // The mutations must still reach the muxer, or this fuzzes only the header check.
    expect(tags).toBeGreaterThan(100);
  });

  it('H.265 depacketising and muxing', () => {
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
    const d = new RtpDepacketizer('h265');
    const muxer = new FlvVideoMuxer('h265', { vps: [vps], sps: [sps], pps: [pps] });
    fuzz('rtp-h265', 4, samples, (input) => {
      const p = parseRtp(input);
      if (!p) return;
      for (const au of d.push(p.sequence, p.timestamp, p.marker, p.payload)) muxer.push(au, 0);
    });
  });

  it('auth challenges, parameter sets and URLs', () => {
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
    fuzz('auth-url', 5, samples, (input) => {
      const text = Buffer.from(input).toString('latin1');
      for (const c of parseChallenges([text]))
        bounded(Object.keys(c.params).length, 8192 - 1, 'Object.keys(c.params).length');
      parseRtspUrl(text);
    });
    fuzz('sps', 6, sps, (input) => {
      const a = readH264Sps(input);
      if (a?.width) bounded(a.width, 16384, 'a.width');
      const b = readHevcSps(input);
      if (b?.width) bounded(b.width, 16384, 'b.width');
    });
  });
});
