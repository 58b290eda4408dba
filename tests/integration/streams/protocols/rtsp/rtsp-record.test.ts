// The decoder configuration the RTSP source builds from a real GStreamer camera stand-in, whose
// payloader repeats SPS and PPS before every keyframe on top of the encoder's own (and whose
// SDP carries them too): each set appears once in the record, which the relay's check accepts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAvcDecoderConfigurationRecord } from '../../../../../electron/streams/codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../../../../../electron/streams/codecs/h265/configuration-record';
import { MediaCheck } from '../../../../../electron/streams/core/media-check';
import { videoTagInfo } from '../../../../../electron/streams/flv/flv-tag';
import { createRtspSource } from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
import {
  startRtspServer,
  type RtspServer,
} from '../../../../fixtures/rtsp-server/start-rtsp-server';
import { probe, type SourceProbe } from './source-probe';

let server: RtspServer;
const open: SourceProbe[] = [];

beforeAll(async () => {
  server = await startRtspServer({ auth: 'none' });
});
afterEach(() => open.splice(0).forEach((p) => p.source.close()));
afterAll(() => server.stop());

function start(path: string): SourceProbe {
  const p = probe(createRtspSource({ url: server.url(path), label: 'Cẩm Phúc', log: () => {} }));
  open.push(p);
  return p;
}

const keyframes = (p: SourceProbe) =>
  p.tags.filter((t) => {
    const info = videoTagInfo(t.data);
    return info.keyframe && !info.sequenceHeader;
  });

describe('RTSP decoder configuration', () => {
  it('H.264: one SPS and one PPS, accepted by the relay check on every tag', async () => {
    const p = start('/cam1');
    await p.waitFor(() => keyframes(p).length >= 2, 20_000, 'two keyframes');
    const headers = p.tags.filter((t) => videoTagInfo(t.data).sequenceHeader);
    // The sets repeat before every keyframe: the record is sent once, not per keyframe.
    expect(headers).toHaveLength(1);
    const record = parseAvcDecoderConfigurationRecord(headers[0]!.data.subarray(5));
    expect(record).toMatchObject({ ok: true, width: 640, height: 360 });
    if (!record.ok) return;
    expect([record.sps.length, record.pps.length]).toEqual([1, 1]);
    const check = new MediaCheck('Cẩm Phúc');
    expect(p.tags.map((t) => check.inspect(t)).filter(Boolean)).toEqual([]);
  });

  it('H.265 (when x265 is installed): one VPS, SPS and PPS', async (context) => {
    const p = start('/cam2');
    const ended = await p
      .waitFor(() => keyframes(p).length >= 1, 20_000, 'a keyframe')
      .then(() => false)
      .catch(() => true);
    if (ended) return context.skip();
    const header = p.tags.find((t) => videoTagInfo(t.data).sequenceHeader)!;
    const record = parseHevcDecoderConfigurationRecord(header.data.subarray(5));
    expect(record).toMatchObject({ ok: true });
    if (!record.ok) return;
    expect([record.vps.length, record.sps.length, record.pps.length]).toEqual([1, 1, 1]);
  });
});
