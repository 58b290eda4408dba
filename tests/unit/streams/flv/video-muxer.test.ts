// FlvVideoMuxer (access units → FLV tags, for RTSP and HTTP-TS) on real x264/x265 pictures:
// where sequence headers go and with which timestamps, what frames carry, and that the records
// it builds pass the relay's own decoder configuration check.
import { describe, expect, it } from 'vitest';
import { parseAvcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../../../../electron/streams/codecs/h265/configuration-record';
import { videoTagInfo, type FlvTag } from '../../../../electron/streams/flv/flv-tag';
import { FlvVideoMuxer, type Picture } from '../../../../electron/streams/flv/video-muxer';
import { H264_PICTURES, H265_PICTURES, setsOf } from './annexb-samples';

const NONE = { vps: [], sps: [], pps: [] };
const bytes = (a: Uint8Array) => Array.from(a);
const isHeader = (t: FlvTag) => videoTagInfo(t.data).sequenceHeader;

/** The NAL units of a frame tag (4-byte length-prefixed after the codec's header). */
function frameNalus(tag: FlvTag): number[][] {
  const start = (tag.data[0]! & 0x80) !== 0 ? 8 : 5;
  const out: number[][] = [];
  for (let at = start; at < tag.data.length;) {
    const v = new DataView(tag.data.buffer, tag.data.byteOffset + at);
    const length = v.getUint32(0);
    out.push(bytes(tag.data.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return out;
}

function avcRecordOf(tag: FlvTag) {
  const parsed = parseAvcDecoderConfigurationRecord(tag.data.subarray(5));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
}

/** Pushes pictures 40 ms apart from `startMs`; returns the tags of each picture. */
function pushAll(muxer: FlvVideoMuxer, pictures: readonly Picture[], startMs = 0): FlvTag[][] {
  return pictures.map((p, i) => muxer.push(p, startMs + 40 * i));
}

describe('FlvVideoMuxer, H.264', () => {
  it("sends the sequence header with the first keyframe's timestamp, then the keyframe", () => {
    const tags = new FlvVideoMuxer('h264', NONE).push(H264_PICTURES[0]!, 12_345);
    expect(tags.map((t) => [isHeader(t), videoTagInfo(t.data).keyframe, t.timestamp])).toEqual([
      [true, true, 12_345],
      [false, true, 12_345],
    ]);
    const record = avcRecordOf(tags[0]!);
    expect([record.width, record.height]).toEqual([320, 180]);
    expect(record.sps.map(bytes)).toEqual(setsOf(H264_PICTURES[0]!, 'h264', 'sps').map(bytes));
  });

  it('keeps every frame at its timestamp, keyframe flag set only on keyframes', () => {
    const out = pushAll(new FlvVideoMuxer('h264', NONE), H264_PICTURES, 1_000).flat();
    const frames = out.filter((t) => !isHeader(t));
    expect(frames.map((t) => t.timestamp)).toEqual(H264_PICTURES.map((_, i) => 1_000 + 40 * i));
    expect(frames.map((t) => t.data[0])).toEqual(
      H264_PICTURES.map((p) => (p.keyframe ? 0x17 : 0x27)),
    );
    expect(frames.every((t) => t.data[1] === 1)).toBe(true);
  });

  it('removes SPS, PPS and AUD from frames and keeps the rest in order', () => {
    const tags = new FlvVideoMuxer('h264', NONE).push(H264_PICTURES[0]!, 0);
    // Real picture: AUD, SPS, PPS, SEI, IDR → SEI, IDR.
    const types = H264_PICTURES[0]!.nalus.map((n) => n[0]! & 0x1f);
    expect(types).toEqual([9, 7, 8, 6, 5]);
    expect(frameNalus(tags[1]!)).toEqual(H264_PICTURES[0]!.nalus.slice(3).map(bytes));
    const inter = new FlvVideoMuxer('h264', NONE);
    inter.push(H264_PICTURES[0]!, 0);
    expect(frameNalus(inter.push(H264_PICTURES[1]!, 40)[0]!)).toEqual([
      bytes(H264_PICTURES[1]!.nalus[1]!),
    ]);
  });

  it('sends the configuration again only when it changes, before the keyframe that uses it', () => {
    const out = pushAll(new FlvVideoMuxer('h264', NONE), H264_PICTURES);
    const headersAt = out.flatMap((tags, i) => (tags.some(isHeader) ? [i] : []));
    // Pictures 0, 3, 6, 9 are keyframes; each repeats its SPS, but only picture 6 changes it.
    expect(H264_PICTURES.map((p) => p.keyframe)).toEqual(
      [0, 1, 2, 3].flatMap(() => [true, false, false]),
    );
    expect(headersAt).toEqual([0, 6]);
    expect(out[6]!.map((t) => [isHeader(t), t.timestamp])).toEqual([
      [true, 240],
      [false, 240],
    ]);
    const record = avcRecordOf(out[6]![0]!);
    expect([record.width, record.height]).toEqual([160, 96]);
    expect(record.sps.map(bytes)).toEqual(setsOf(H264_PICTURES[6]!, 'h264', 'sps').map(bytes));
  });

  it('sends a changed configuration only on a keyframe, never on an inter frame', () => {
    const muxer = new FlvVideoMuxer('h264', NONE);
    muxer.push(H264_PICTURES[0]!, 0);
    // The new SPS/PPS arrive with an inter picture: it goes out as a frame without them.
    const newSets = [
      ...setsOf(H264_PICTURES[6]!, 'h264', 'sps'),
      ...setsOf(H264_PICTURES[6]!, 'h264', 'pps'),
    ];
    const inter = { nalus: [...newSets, ...H264_PICTURES[1]!.nalus], keyframe: false };
    const tags = muxer.push(inter, 40);
    expect(tags.map(isHeader)).toEqual([false]);
    expect(frameNalus(tags[0]!)).toEqual([bytes(H264_PICTURES[1]!.nalus[1]!)]);
    // The next keyframe (without sets of its own) brings the new configuration first.
    const key = { nalus: H264_PICTURES[6]!.nalus.slice(3), keyframe: true };
    const next = muxer.push(key, 80);
    expect(next.map(isHeader)).toEqual([true, false]);
    expect(avcRecordOf(next[0]!).height).toBe(96);
    expect(muxer.size).toEqual({ width: 160, height: 96 });
  });

  it('drops pictures until a keyframe can follow a configuration', () => {
    const sdp = {
      vps: [],
      sps: setsOf(H264_PICTURES[0]!, 'h264', 'sps'),
      pps: setsOf(H264_PICTURES[0]!, 'h264', 'pps'),
    };
    const muxer = new FlvVideoMuxer('h264', sdp);
    expect(muxer.push(H264_PICTURES[1]!, 0)).toEqual([]);
    expect(muxer.size).toBeUndefined();
    const key = { nalus: H264_PICTURES[0]!.nalus.slice(3), keyframe: true };
    expect(muxer.push(key, 40).map(isHeader)).toEqual([true, false]);
    expect(muxer.size).toEqual({ width: 320, height: 180 });
    expect(new FlvVideoMuxer('h264', NONE).push(key, 0)).toEqual([]);
  });

  it('sends a picture of parameter sets alone as a configuration, with no empty frame', () => {
    const setsOnly = { nalus: H264_PICTURES[0]!.nalus.slice(0, 3), keyframe: true };
    const tags = new FlvVideoMuxer('h264', NONE).push(setsOnly, 7);
    expect(tags.map((t) => [isHeader(t), t.timestamp])).toEqual([[true, 7]]);
  });

  it('writes each SPS and PPS once however often the SDP and the stream repeat them', () => {
    const [sps] = setsOf(H264_PICTURES[0]!, 'h264', 'sps');
    const [pps] = setsOf(H264_PICTURES[0]!, 'h264', 'pps');
    // SDP sprop sets listed twice; in-band sets twice per keyframe (payloader + encoder).
    const sdp = { vps: [], sps: [sps!, Uint8Array.from(sps!)], pps: [pps!, pps!] };
    const sdpOnly = new FlvVideoMuxer('h264', sdp).push(
      { nalus: [H264_PICTURES[0]!.nalus[4]!], keyframe: true },
      0,
    );
    expect(avcRecordOf(sdpOnly[0]!).sps).toHaveLength(1);
    expect(avcRecordOf(sdpOnly[0]!).pps).toHaveLength(1);
    const [, ...au] = H264_PICTURES[0]!.nalus;
    const doubled = { nalus: [sps!, pps!, ...au], keyframe: true };
    const tags = new FlvVideoMuxer('h264', sdp).push(doubled, 0);
    const record = avcRecordOf(tags[0]!);
    expect(record.sps.map(bytes)).toEqual([bytes(sps!)]);
    expect(record.pps.map(bytes)).toEqual([bytes(pps!)]);
    // Distinct sets are all kept, in their order.
    const [sps2] = setsOf(H264_PICTURES[6]!, 'h264', 'sps');
    const two = new FlvVideoMuxer('h264', NONE).push(
      { nalus: [sps!, sps2!, sps!, pps!, H264_PICTURES[0]!.nalus[4]!], keyframe: true },
      0,
    );
    expect(avcRecordOf(two[0]!).sps.map(bytes)).toEqual([bytes(sps!), bytes(sps2!)]);
  });

  it('lets in-band parameter sets replace the SDP ones', () => {
    const stale = {
      vps: [],
      sps: setsOf(H264_PICTURES[6]!, 'h264', 'sps'),
      pps: setsOf(H264_PICTURES[6]!, 'h264', 'pps'),
    };
    const tags = new FlvVideoMuxer('h264', stale).push(H264_PICTURES[0]!, 0);
    expect(avcRecordOf(tags[0]!).height).toBe(180);
  });

  it('passes the composition time through (B-frames), negative ones too', () => {
    const muxer = new FlvVideoMuxer('h264', NONE);
    const key = muxer.push(H264_PICTURES[0]!, 0, 80);
    expect(bytes(key[0]!.data.subarray(2, 5))).toEqual([0, 0, 0]); // the header has none
    expect(bytes(key[1]!.data.subarray(2, 5))).toEqual([0, 0, 80]);
    expect(bytes(muxer.push(H264_PICTURES[1]!, 40, -40)[0]!.data.subarray(2, 5))).toEqual([
      0xff, 0xff, 0xd8,
    ]);
    expect(bytes(muxer.push(H264_PICTURES[2]!, 80)[0]!.data.subarray(2, 5))).toEqual([0, 0, 0]);
  });
});

describe('FlvVideoMuxer, H.265', () => {
  it('keeps every timestamp: sequence start with the first keyframe, frames at theirs', () => {
    const out = pushAll(new FlvVideoMuxer('h265', NONE), H265_PICTURES, 5_000);
    expect(out[0]!.map((t) => [isHeader(t), t.timestamp])).toEqual([
      [true, 5_000],
      [false, 5_000],
    ]);
    const frames = out.flat().filter((t) => !isHeader(t));
    expect(frames.map((t) => t.timestamp)).toEqual(H265_PICTURES.map((_, i) => 5_000 + 40 * i));
    expect(frames.map((t) => videoTagInfo(t.data).keyframe)).toEqual(
      H265_PICTURES.map((p) => p.keyframe),
    );
    // The CRA at picture 3 repeats the same sets: no second sequence start.
    expect(out.flat().filter(isHeader)).toHaveLength(1);
  });

  it('builds a record the relay accepts, and strips VPS, SPS, PPS and AUD from frames', () => {
    const muxer = new FlvVideoMuxer('h265', NONE);
    const tags = muxer.push(H265_PICTURES[0]!, 0, 40);
    expect(muxer.size).toEqual({ width: 320, height: 180 });
    const parsed = parseHevcDecoderConfigurationRecord(tags[0]!.data.subarray(5));
    expect(parsed).toMatchObject({ ok: true, width: 320, height: 180 });
    const types = H265_PICTURES[0]!.nalus.map((n) => (n[0]! >> 1) & 0x3f);
    expect(types).toEqual([35, 32, 33, 34, 39, 20]);
    expect(frameNalus(tags[1]!)).toEqual(H265_PICTURES[0]!.nalus.slice(4).map(bytes));
    expect(bytes(tags[1]!.data.subarray(5, 8))).toEqual([0, 0, 40]);
  });

  it('writes each VPS, SPS and PPS once', () => {
    const p = H265_PICTURES[0]!;
    const sets = p.nalus.slice(1, 4);
    const tags = new FlvVideoMuxer('h265', NONE).push(
      { nalus: [...sets, ...p.nalus], keyframe: true },
      0,
    );
    const parsed = parseHevcDecoderConfigurationRecord(tags[0]!.data.subarray(5));
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect([parsed.vps.length, parsed.sps.length, parsed.pps.length]).toEqual([1, 1, 1]);
  });
});
