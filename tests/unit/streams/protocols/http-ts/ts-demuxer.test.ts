// The MPEG-TS demuxer on ffmpeg's bytes: tables, PES reassembly, resync, counter gaps and
// chunking. Expectations come from the fixture's known shape (50 pictures, 25 fps, PID 0x100).
import { describe, expect, it } from 'vitest';
import {
  TsDemuxer,
  type TsEvent,
} from '../../../../../electron/streams/protocols/http-ts/ts-demuxer';
import { readPat, readPmt } from '../../../../../electron/streams/protocols/http-ts/psi-tables';
import {
  H264_TS,
  H265_TS,
  VIDEO_PID,
  cat,
  chunked,
  isStart,
  packets,
  patPacket,
  pidOf,
  pmtPacket,
  prng,
  psiPacket,
} from './ts-samples';

function demux(chunks: Iterable<Uint8Array>): { events: TsEvent[]; demuxer: TsDemuxer } {
  const demuxer = new TsDemuxer();
  const events: TsEvent[] = [];
  for (const chunk of chunks) events.push(...demuxer.push(chunk));
  events.push(...demuxer.flush());
  return { events, demuxer };
}

const videos = (events: TsEvent[]) => events.flatMap((e) => (e.kind === 'video' ? [e.pes] : []));
const kinds = (events: TsEvent[]) => events.map((e) => e.kind);

describe('TsDemuxer on ffmpeg H.264 output', () => {
  const whole = demux([H264_TS]);

  it('reads the PAT, then the PMT naming H.264 on PID 0x100', () => {
    expect(whole.events[0]).toEqual({
      kind: 'program',
      video: { kind: 'video', codec: 'h264', pid: VIDEO_PID },
    });
    expect(kinds(whole.events).filter((k) => k === 'program')).toHaveLength(1);
  });

  it('reassembles every picture from PES packets spanning many TS packets', () => {
    const pes = videos(whole.events);
    expect(pes).toHaveLength(50);
    // Each PES is Annex-B, and pictures are larger than one packet's payload.
    for (const p of pes) expect([...p.data.subarray(0, 4)]).toEqual([0, 0, 0, 1]);
    expect(Math.max(...pes.map((p) => p.data.length))).toBeGreaterThan(184 * 4);
    expect(whole.demuxer.stats).toMatchObject({ skippedBytes: 0, ccGaps: 0, brokenPes: 0 });
  });

  it('reads DTS in steps of one 25 fps frame and PTS ahead of it (B-frames)', () => {
    const pes = videos(whole.events);
    for (let i = 1; i < pes.length; i++) expect(pes[i]!.dts - pes[i - 1]!.dts).toBe(3600);
    expect(pes.some((p) => p.pts - p.dts > 3600)).toBe(true);
    expect(pes.every((p) => p.pts >= p.dts)).toBe(true);
  });

  it('gives the same result for chunks of any size, down to one byte', () => {
    const expected = videos(whole.events);
    for (const [seed, max] of [
      [1, 1],
      [2, 7],
      [3, 187],
      [4, 189],
      [5, 5000],
    ] as const) {
      const got = videos(demux(chunked(H264_TS, prng(seed), max)).events);
      expect(got.length, `seed ${seed}`).toBe(expected.length);
      got.forEach((p, i) => {
        expect(p.dts).toBe(expected[i]!.dts);
        expect(Buffer.from(p.data).equals(Buffer.from(expected[i]!.data))).toBe(true);
      });
    }
  });

  it('resyncs after garbage before and between packets, losing nothing whole', () => {
    const all = packets(H264_TS);
    const garbage = new Uint8Array(777).map((_, i) => (i * 31 + 0x47) & 0xff);
    const mixed = cat([garbage, ...all.slice(0, 60), garbage, ...all.slice(60)]);
    const { events, demuxer } = demux([mixed]);
    expect(demuxer.stats.skippedBytes).toBeGreaterThanOrEqual(2 * 777 - 2 * 188);
    expect(demuxer.stats.syncLosses).toBe(1);
    // Garbage between whole packets costs no packet, so no gap and every picture arrives.
    expect(videos(events)).toHaveLength(50);
    expect(kinds(events)).not.toContain('gap');
  });

  it('reports a gap for a lost video packet and drops only the picture it belonged to', () => {
    const all = packets(H264_TS);
    // A video packet in the middle of a PES (not its start).
    const lost = all.findIndex((p, i) => i > 100 && pidOf(p) === VIDEO_PID && !isStart(p));
    const { events, demuxer } = demux([cat([...all.slice(0, lost), ...all.slice(lost + 1)])]);
    expect(demuxer.stats.ccGaps).toBe(1);
    expect(kinds(events)).toContain('gap');
    expect(videos(events)).toHaveLength(49);
  });

  it('ignores a duplicated packet (same counter), as the standard allows', () => {
    const all = packets(H264_TS);
    const at = all.findIndex((p, i) => i > 50 && pidOf(p) === VIDEO_PID && !isStart(p));
    const { events } = demux([cat([...all.slice(0, at + 1), all[at]!, ...all.slice(at + 1)])]);
    expect(kinds(events)).not.toContain('gap');
    expect(videos(events)).toHaveLength(50);
  });

  it('drops a packet flagged with a transport error, then reports the gap', () => {
    const all = packets(H264_TS).map((p) => p.slice());
    const at = all.findIndex((p, i) => i > 50 && pidOf(p) === VIDEO_PID && !isStart(p));
    all[at]![1]! |= 0x80;
    const { events, demuxer } = demux([cat(all)]);
    expect(demuxer.stats.badPackets).toBe(1);
    expect(kinds(events)).toContain('gap');
  });
});

describe('TsDemuxer program tables', () => {
  it('finds H.265 (stream type 0x24)', () => {
    const { events } = demux([H265_TS]);
    expect(events[0]).toEqual({
      kind: 'program',
      video: { kind: 'video', codec: 'h265', pid: VIDEO_PID },
    });
    expect(videos(events)).toHaveLength(25);
  });

  it('names a video codec it cannot play, and reports a program without video', () => {
    const mpeg2 = demux([
      patPacket(0x1000),
      pmtPacket(0x1000, [
        [0x0f, 0x101],
        [0x02, 0x100],
      ]),
    ]);
    expect(mpeg2.events).toEqual([
      {
        kind: 'program',
        video: { kind: 'unsupported', streamType: 0x02, name: 'MPEG-2 video' },
      },
    ]);
    const audioOnly = demux([patPacket(0x1000), pmtPacket(0x1000, [[0x0f, 0x101]])]);
    expect(audioOnly.events).toEqual([{ kind: 'program', video: { kind: 'none' } }]);
  });

  it('takes the first H.264/H.265 stream after audio, and skips program 0 (NIT)', () => {
    const pmt = pmtPacket(0x1000, [
      [0x0f, 0x101],
      [0x1b, 0x102],
      [0x24, 0x103],
    ]);
    const section = pmt.subarray(5, 5 + 3 + (((pmt[6]! & 0x0f) << 8) | pmt[7]!));
    expect(readPmt(section)).toEqual([
      { streamType: 0x0f, pid: 0x101 },
      { streamType: 0x1b, pid: 0x102 },
      { streamType: 0x24, pid: 0x103 },
    ]);
    expect(demux([patPacket(0x1000), pmt]).events[0]).toMatchObject({
      video: { codec: 'h264', pid: 0x102 },
    });
    // Program 0 points at the NIT on 0x10; program 1 is the one to play.
    const pat = psiPacket(0, 0x00, [0x00, 0x00, 0xe0, 0x10, 0x00, 0x01, 0xf0, 0x00]);
    expect(readPat(pat.subarray(5, 5 + 3 + pat[7]!))).toBe(0x1000);
  });

  it('ignores tables whose CRC is wrong', () => {
    const pmt = pmtPacket(0x1000, [[0x1b, 0x100]]);
    pmt[20]! ^= 0x01; // inside the section, so its CRC no longer holds
    expect(demux([patPacket(0x1000), pmt]).events).toEqual([]);
  });
});
