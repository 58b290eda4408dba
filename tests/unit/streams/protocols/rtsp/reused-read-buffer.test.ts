// Plain-TCP camera connections read into one buffer that every read overwrites (rtsp-
// connection.ts, `onread`). The reader and the depacketiser must copy what they keep: here the
// same bytes go through one reused buffer, which is scribbled over after each read, in chunk
// sizes that split frames, heads and fragmentation units everywhere, and what comes out must
// equal the bytes that went in.
import { describe, expect, it } from 'vitest';
import { InterleavedReader } from '../../../../../electron/streams/protocols/rtsp/interleaved-reader';
import { parseRtp } from '../../../../../electron/streams/protocols/rtsp/rtp-packet';
import {
  RtpDepacketizer,
  type AccessUnit,
} from '../../../../../electron/streams/protocols/rtsp/rtp-depacketizer';
import { FlvVideoMuxer } from '../../../../../electron/streams/flv/video-muxer';
import { IDR, PPS, P_SLICE, SPS, fuA, interleaved, rtp, stapA } from './samples';

const bigIdr = Uint8Array.from({ length: 5000 }, (_, i) => (i === 0 ? 0x65 : (i * 13) & 0xff));
const bigP = Uint8Array.from({ length: 2500 }, (_, i) => (i === 0 ? 0x41 : (i * 5 + 1) & 0xff));

/**
 * A response, then four pictures (STAP-A + FU-A IDR, single NAL P, FU-A P, IDR) interleaved;
 * `newPps`: the last keyframe brings a changed PPS alone, so the record is rebuilt with the
 * SPS kept from the first picture.
 */
function stream(newPps = false): Uint8Array {
  const packets: Uint8Array[] = [];
  let seq = 10;
  const add = (ts: number, payloads: Uint8Array[]) =>
    payloads.forEach((payload, i) =>
      packets.push(
        interleaved(0, rtp({ seq: seq++, ts, payload, marker: i === payloads.length - 1 })),
      ),
    );
  add(3000, [stapA([SPS, PPS]), ...fuA(bigIdr, 1200)]);
  add(6600, [P_SLICE]);
  add(10200, fuA(bigP, 700));
  add(13800, newPps ? [stapA([Uint8Array.of(...PPS.subarray(0, -1), 0x99)]), IDR] : [IDR]);
  const head = Buffer.from('RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: s1\r\n\r\n', 'latin1');
  return new Uint8Array(Buffer.concat([head, ...packets.slice(0, 3), head, ...packets.slice(3)]));
}

function run(
  bytes: Uint8Array,
  chunk: number,
  reuse: boolean,
  consume: (au: AccessUnit) => AccessUnit = (au) => au,
  reuseAus = false,
): AccessUnit[] {
  const reader = new InterleavedReader();
  const depacketizer = new RtpDepacketizer('h264', { reuse: reuseAus });
  const shared = new Uint8Array(chunk);
  const aus: AccessUnit[] = [];
  for (let at = 0; at < bytes.length; at += chunk) {
    const part = bytes.subarray(at, at + chunk);
    let view = part.slice();
    if (reuse) {
      shared.set(part);
      view = shared.subarray(0, part.length);
    }
    for (const item of reader.push(view, reuse)) {
      if (item.kind !== 'frame') continue;
      const p = parseRtp(item.payload)!;
      for (const au of depacketizer.push(p.sequence, p.timestamp, p.marker, p.payload)) {
        aus.push(consume(au));
      }
    }
    if (reuse) shared.fill(0xee); // the next read overwrites everything
  }
  return aus;
}

const plain = (aus: AccessUnit[]) =>
  aus.map((au) => ({ ts: au.timestamp, key: au.keyframe, nalus: au.nalus.map((n) => [...n]) }));

describe('reading through one reused buffer', () => {
  it('gives the same access units as fresh chunks, for every chunk size', () => {
    const bytes = stream();
    const expected = plain(run(bytes, bytes.length, false));
    expect(expected.map((au) => au.nalus.length)).toEqual([3, 1, 1, 1]);
    expect(expected[0]!.nalus[2]).toEqual([...bigIdr]);
    expect(expected[2]!.nalus[0]).toEqual([...bigP]);
    for (const chunk of [1, 3, 7, 100, 1199, 1500, 4096]) {
      expect(plain(run(bytes, chunk, true)), `chunks of ${chunk}`).toEqual(expected);
    }
  });

  it('with reused access units, gives the same pictures when each is consumed at once', () => {
    const bytes = stream();
    const expected = plain(run(bytes, bytes.length, false));
    // The reusing depacketiser's units are copied as they come (the muxer's job), then the
    // memory they lived in is scribbled over, as the next packets would.
    const copyThenScribble = (au: AccessUnit): AccessUnit => {
      const copy = { ...au, nalus: au.nalus.map((n) => n.slice()) };
      for (const nal of au.nalus) nal.fill(0xee);
      return copy;
    };
    for (const chunk of [1, 7, 1199, 4096, bytes.length]) {
      expect(plain(run(bytes, chunk, true, copyThenScribble, true)), `chunks of ${chunk}`).toEqual(
        expected,
      );
    }
  });

  it('muxes the same FLV tags from reused access units as from owned ones', () => {
    const bytes = stream(true);
    const tagsOf = (reuseAus: boolean, chunk: number) => {
      // No parameter sets from the SDP: the muxer must keep the in-band ones (copies).
      const muxer = new FlvVideoMuxer('h264', { vps: [], sps: [], pps: [] });
      const tags: number[][] = [];
      run(
        bytes,
        chunk,
        true,
        (au) => {
          for (const tag of muxer.push(au, au.timestamp / 90)) tags.push([...tag.data]);
          if (reuseAus) for (const nal of au.nalus) nal.fill(0xee);
          return au;
        },
        reuseAus,
      );
      return tags;
    };
    const expected = tagsOf(false, bytes.length);
    // Configuration, three pictures, the new configuration, the last picture.
    expect(expected.length).toBe(6);
    for (const chunk of [3, 1500, bytes.length]) {
      expect(tagsOf(true, chunk), `chunks of ${chunk}`).toEqual(expected);
    }
  });
});
