// An H.264 stream with B-frames (x264 bframes=2) through the real GStreamer RTSP server: the
// FLV we produce has decode times that never go back and composition times that put each
// picture where the camera meant it, so ffprobe reads strictly increasing presentation times.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFlvHeader, encodeFlvTag } from '../../../../../electron/streams/flv/flv-writer';
import { videoTagInfo } from '../../../../../electron/streams/flv/flv-tag';
import { createRtspSource } from '../../../../../electron/streams/protocols/rtsp/rtsp-source';
import {
  startRtspServer,
  type RtspServer,
} from '../../../../fixtures/rtsp-server/start-rtsp-server';
import { probe } from './source-probe';

const run = promisify(execFile);

interface Entry {
  pts_time?: string;
  dts_time?: string;
}

async function ffprobe(file: string, section: 'packets' | 'frames'): Promise<Entry[]> {
  const entries = section === 'packets' ? 'packet=pts_time,dts_time' : 'frame=pts_time';
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    `-show_${section}`,
    '-show_entries',
    entries,
    '-of',
    'json',
    file,
  ]);
  return (JSON.parse(stdout) as Record<string, Entry[]>)[section] ?? [];
}

describe('RTSP with B-frames', () => {
  let server: RtspServer;
  beforeAll(async () => {
    server = await startRtspServer({ auth: 'none' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('gives FLV whose decode times rise and whose presentation times ffprobe reads in order', async () => {
    const p = probe(createRtspSource({ url: server.url('/bframes'), label: 'Cẩm Vũ 1' }));
    try {
      const keyframes = () =>
        p.tags.filter((t) => {
          const info = videoTagInfo(t.data);
          return info.keyframe && !info.sequenceHeader;
        }).length;
      await p.waitFor(() => keyframes() >= 3, 30_000, 'three keyframes');
    } finally {
      p.source.close();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'rtsp-bframes-'));
    const file = path.join(dir, 'out.flv');
    const tags = p.tags.slice();
    writeFileSync(
      file,
      Buffer.concat([encodeFlvHeader({ audio: false, video: true }), ...tags.map(encodeFlvTag)]),
    );

    const packets = await ffprobe(file, 'packets');
    const dts = packets.map((e) => Number(e.dts_time));
    const pts = packets.map((e) => Number(e.pts_time));
    expect(packets.length).toBeGreaterThan(50);
    for (let i = 1; i < dts.length; i++) expect(dts[i]!).toBeGreaterThanOrEqual(dts[i - 1]!);
    for (let i = 0; i < pts.length; i++) expect(pts[i]!).toBeGreaterThanOrEqual(dts[i]!);
    // B-frames are really there: some pictures are shown before one decoded earlier.
    expect(pts.some((t, i) => i > 0 && t < pts[i - 1]!)).toBe(true);
    // In presentation order every picture has its own, later time.
    const sorted = [...pts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!).toBeGreaterThan(sorted[i - 1]!);

    const frames = await ffprobe(file, 'frames');
    const shown = frames.map((e) => Number(e.pts_time));
    expect(shown.length).toBeGreaterThan(50);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!).toBeGreaterThan(shown[i - 1]!);
    await run('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-']);
  });
});
