// The fragmented-MP4 engine's bytes read by a real demuxer and decoder: the demo clip's FLV goes
// through main's access-unit feed and the wire, then through the page's timeline and box writer
// exactly as fmp4-engine.ts does it, into a file that ffprobe lists packet by packet and ffmpeg
// decodes with no error. The browser plays the same bytes in the end-to-end tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeAuMessage,
  type AuConfig,
  type AuFrame,
} from '../../../electron/contract/access-unit-wire';
import { accessUnitMessage } from '../../../electron/streams/core/access-unit-feed';
import { FlvReader } from '../../../electron/streams/flv/flv-reader';
import { FLV_TAG_VIDEO } from '../../../electron/streams/flv/flv-tag';
import { fragment, initSegment } from '../../../renderer/src/player/fmp4-boxes';
import { FragmentTimeline } from '../../../renderer/src/player/fmp4-timeline';

const dir = mkdtempSync(join(tmpdir(), 'fmp4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The FLV file's access units as the page receives them. */
function clipMessages(flvFile: string): { config: AuConfig; frames: AuFrame[] } {
  const bytes = new Uint8Array(readFileSync(flvFile));
  const tags = new FlvReader()
    .push(bytes)
    .flatMap((r) => (r.kind === 'tag' && r.tag.type === FLV_TAG_VIDEO ? [r.tag] : []));
  const messages = tags.flatMap((tag) => {
    const message = accessUnitMessage({ ...tag, receivedAt: 1 }, tag.timestamp);
    const decoded = message ? decodeAuMessage(message) : null;
    return decoded ? [decoded] : [];
  });
  const config = messages.find((m): m is AuConfig => m.kind === 'config')!;
  return { config, frames: messages.filter((m): m is AuFrame => m.kind === 'frame') };
}

interface Packet {
  dts: number;
  pts: number;
  size: number;
  keyframe: boolean;
}

function probePackets(file: string): Packet[] {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=dts,pts,size,flags', file],
    { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  return out
    .split('[PACKET]')
    .slice(1)
    .map((block) => {
      const field = (name: string) =>
        /^(\w+)=(.*)$/m.exec(block.slice(block.indexOf(`${name}=`)))![2]!;
      return {
        dts: Number(field('dts')),
        pts: Number(field('pts')),
        size: Number(field('size')),
        keyframe: field('flags').startsWith('K'),
      };
    });
}

/** The frames through the engine's timeline and box writer, into an MP4 file. */
function writeFragmented(name: string, config: AuConfig, frames: AuFrame[]) {
  const timeline = new FragmentTimeline();
  const parts = [initSegment(config)];
  frames.forEach((frame, i) => {
    const placed = timeline.place(frame.dts, frame.pts);
    parts.push(fragment(i + 1, { ...placed, keyframe: frame.keyframe, data: frame.data }));
  });
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(parts));
  return { file, corrections: timeline.corrections };
}

/** What ffprobe and ffmpeg say of the file: every packet as written, and every picture decoded. */
function expectReadBack(file: string, config: AuConfig, frames: AuFrame[]) {
  const packets = probePackets(file);
  expect(packets).toHaveLength(frames.length);
  const first = frames[0]!.dts;
  packets.forEach((packet, i) => {
    const frame = frames[i]!;
    expect(packet.dts).toBe(frame.dts - first);
    expect(packet.pts).toBe(frame.pts - first);
    expect(packet.size).toBe(frame.data.length);
    expect(packet.keyframe).toBe(frame.keyframe);
  });
  const size = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  ).trim();
  expect(size).toBe(`h264,${config.width},${config.height}`);
  // Every picture decodes, with nothing on stderr (a bad record or length prefix would say).
  const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  expect(decode.status).toBe(0);
  expect(decode.stderr.trim()).toBe('');
  const decoded = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-count_frames',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      file,
    ],
    { encoding: 'utf8' },
  ).trim();
  expect(Number(decoded)).toBe(frames.length);
}

describe('fragmented MP4 from the access-unit stream', () => {
  it('lists every access unit of the demo clip with its time, size and keyframe flag, and decodes', () => {
    const clip = join(__dirname, '../../../assets/demo/clip-1.flv');
    const { config, frames } = clipMessages(clip);
    expect(frames.length).toBeGreaterThan(50);
    const { file, corrections } = writeFragmented('clip-1.mp4', config, frames);
    expect(corrections).toBe(0);
    expectReadBack(file, config, frames);
  });

  it('keeps B-frames in order: composition offsets as the camera sent them', () => {
    // A camera encoding with B-frames (x264 main profile, two between references).
    const flv = join(dir, 'bframes.flv');
    // prettier-ignore
    execFileSync('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-t', '3',
      '-c:v', 'libx264', '-profile:v', 'main', '-bf', '2', '-g', '25', '-pix_fmt', 'yuv420p',
      '-f', 'flv', flv,
    ]);
    const { config, frames } = clipMessages(flv);
    expect(frames.length).toBe(75);
    // Decode order differs from presentation order: some pictures show before the previous one.
    expect(frames.some((f, i) => i > 0 && f.pts < frames[i - 1]!.pts)).toBe(true);
    const { file, corrections } = writeFragmented('bframes.mp4', config, frames);
    expect(corrections).toBe(0);
    expectReadBack(file, config, frames);
  });
});
