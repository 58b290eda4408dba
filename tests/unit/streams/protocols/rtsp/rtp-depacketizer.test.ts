import { describe, expect, it } from 'vitest';
import { RtpClock, parseRtp } from '../../../../../electron/streams/protocols/rtsp/rtp-packet';
import {
  RtpDepacketizer,
  type AccessUnit,
} from '../../../../../electron/streams/protocols/rtsp/rtp-depacketizer';
import { IDR, PPS, P_SLICE, SPS, fuA, rtp, stapA } from './samples';

function feed(d: RtpDepacketizer, packets: Uint8Array[]): AccessUnit[] {
  const out: AccessUnit[] = [];
  for (const bytes of packets) {
    const p = parseRtp(bytes);
    if (!p) throw new Error('bad packet');
    out.push(...d.push(p.sequence, p.timestamp, p.marker, p.payload));
  }
  return out;
}

const bigIdr = Uint8Array.from({ length: 3000 }, (_, i) => (i === 0 ? 0x65 : (i * 7) & 0xff));

describe('parseRtp', () => {
  it('skips CSRCs and the header extension, and removes padding', () => {
    const p = parseRtp(
      rtp({
        seq: 7,
        ts: 0xfffffff0,
        marker: true,
        payload: [1, 2, 3],
        csrc: 2,
        extensionWords: 1,
        padding: 4,
      }),
    )!;
    expect(p.sequence).toBe(7);
    expect(p.timestamp).toBe(0xfffffff0);
    expect(p.marker).toBe(true);
    expect(Array.from(p.payload)).toEqual([1, 2, 3]);
  });

  it('rejects truncated, wrong-version and over-padded packets', () => {
    expect(parseRtp(new Uint8Array(11))).toBeNull();
    const v1 = rtp({ seq: 1, ts: 1, payload: [1] });
    v1[0] = 0x40;
    expect(parseRtp(v1)).toBeNull();
    const badPad = rtp({ seq: 1, ts: 1, payload: [1], padding: 1 });
    badPad[badPad.length - 1] = 200;
    expect(parseRtp(badPad)).toBeNull();
    expect(parseRtp(rtp({ seq: 1, ts: 1, payload: [], csrc: 15 }).subarray(0, 20))).toBeNull();
  });
});

describe('H.264 depacketiser (RFC 6184)', () => {
  it('joins STAP-A (SPS, PPS) and a FU-A IDR into one access unit on the marker bit', () => {
    const d = new RtpDepacketizer('h264');
    const fus = fuA(bigIdr, 1000);
    const aus = feed(d, [
      rtp({ seq: 100, ts: 9000, payload: stapA([SPS, PPS]) }),
      ...fus.map((f, i) =>
        rtp({ seq: 101 + i, ts: 9000, payload: f, marker: i === fus.length - 1 }),
      ),
    ]);
    expect(aus).toHaveLength(1);
    expect(aus[0]!.keyframe).toBe(true);
    expect(aus[0]!.nalus.map((n) => n[0]! & 0x1f)).toEqual([7, 8, 5]);
    expect(Array.from(aus[0]!.nalus[2]!)).toEqual(Array.from(bigIdr));
  });

  it('ends an access unit on a timestamp change when the marker bit is missing', () => {
    const d = new RtpDepacketizer('h264');
    const aus = feed(d, [
      rtp({ seq: 1, ts: 0, payload: IDR }),
      rtp({ seq: 2, ts: 3600, payload: P_SLICE }),
      rtp({ seq: 3, ts: 7200, payload: P_SLICE }),
    ]);
    expect(aus.map((a) => a.timestamp)).toEqual([0, 3600]);
  });

  it('drops pictures before the first IDR, and after a sequence gap until the next IDR', () => {
    const d = new RtpDepacketizer('h264');
    const aus = feed(d, [
      rtp({ seq: 1, ts: 0, payload: P_SLICE, marker: true }), // before any IDR: dropped
      rtp({ seq: 2, ts: 3600, payload: IDR, marker: true }),
      rtp({ seq: 3, ts: 7200, payload: P_SLICE, marker: true }),
      // seq 4 lost
      rtp({ seq: 5, ts: 10800, payload: P_SLICE, marker: true }),
      rtp({ seq: 6, ts: 14400, payload: P_SLICE, marker: true }),
      rtp({ seq: 7, ts: 18000, payload: IDR, marker: true }),
      rtp({ seq: 8, ts: 21600, payload: P_SLICE, marker: true }),
    ]);
    expect(aus.map((a) => a.timestamp)).toEqual([3600, 7200, 18000, 21600]);
    expect(d.lostPackets).toBe(1);
  });

  it('drops an IDR whose middle fragment was lost', () => {
    const d = new RtpDepacketizer('h264');
    const fus = fuA(bigIdr, 1000);
    const aus = feed(d, [
      rtp({ seq: 10, ts: 0, payload: fus[0]! }),
      rtp({ seq: 12, ts: 0, payload: fus[2]!, marker: true }),
      rtp({ seq: 13, ts: 3600, payload: P_SLICE, marker: true }),
    ]);
    expect(aus).toEqual([]);
  });

  it('handles sequence number wrap-around without seeing a gap', () => {
    const d = new RtpDepacketizer('h264');
    const aus = feed(d, [
      rtp({ seq: 65534, ts: 0, payload: IDR, marker: true }),
      rtp({ seq: 65535, ts: 3600, payload: P_SLICE, marker: true }),
      rtp({ seq: 0, ts: 7200, payload: P_SLICE, marker: true }),
    ]);
    expect(aus).toHaveLength(3);
    expect(d.lostPackets).toBe(0);
  });
});

describe('H.265 depacketiser (RFC 7798)', () => {
  const vps = Uint8Array.from([0x40, 0x01, 0x0c]);
  const sps = Uint8Array.from([0x42, 0x01, 0x01]);
  const idr = Uint8Array.from([0x26, 0x01, ...Array.from({ length: 50 }, (_, i) => i)]); // type 19
  const trail = Uint8Array.from([0x02, 0x01, 0xaa]); // type 1

  it('reads aggregation packets and rebuilds fragmented NAL headers', () => {
    const ap = [0x60, 0x01]; // type 48
    for (const n of [vps, sps]) ap.push(n.length >> 8, n.length & 0xff, ...n);
    const fuHeader = (s: boolean, e: boolean) => (s ? 0x80 : 0) | (e ? 0x40 : 0) | 19;
    const fu = (s: boolean, e: boolean, body: Uint8Array) =>
      Uint8Array.from([0x62, 0x01, fuHeader(s, e), ...body]); // type 49
    const d = new RtpDepacketizer('h265');
    const aus = feed(d, [
      rtp({ seq: 1, ts: 0, payload: ap }),
      rtp({ seq: 2, ts: 0, payload: fu(true, false, idr.subarray(2, 20)) }),
      rtp({ seq: 3, ts: 0, payload: fu(false, true, idr.subarray(20)), marker: true }),
      rtp({ seq: 4, ts: 3600, payload: trail, marker: true }),
    ]);
    expect(aus).toHaveLength(2);
    expect(aus[0]!.keyframe).toBe(true);
    expect(Array.from(aus[0]!.nalus[2]!)).toEqual(Array.from(idr));
    expect(aus[1]!.keyframe).toBe(false);
  });
});

describe('RtpClock', () => {
  it('converts 90 kHz to ms from the first packet, across the 32-bit wrap', () => {
    const c = new RtpClock(90000);
    expect(c.toMs(0xffffff00)).toBe(0);
    expect(c.toMs(0xffffff00 + 3600 - 2 ** 32)).toBe(40); // wrapped past zero
    expect(c.toMs(3600 * 2 - 256)).toBe(80);
  });

  it('never goes backwards', () => {
    const c = new RtpClock(90000);
    c.toMs(90000);
    expect(c.toMs(180000)).toBe(1000);
    expect(c.toMs(90000)).toBe(1000);
  });
});
