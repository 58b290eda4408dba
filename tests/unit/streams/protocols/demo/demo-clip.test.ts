import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DemoClipError,
  clearDemoClipCache,
  keyframeIndexNear,
  loadDemoClip,
  parseDemoClip,
} from '../../../../../electron/streams/protocols/demo/demo-clip';
import { videoTagInfo } from '../../../../../electron/streams/flv/flv-tag';
import { encodeFlvHeader, encodeFlvTag } from '../../../../../electron/streams/flv/flv-writer';

const DEMO_DIR = join(__dirname, '../../../../../assets/demo');
const clipFiles = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.flv'));

afterEach(() => clearDemoClipCache());

describe('committed demo clips', () => {
  it('are 6 to 8 clips, about 3 MB at most in all', () => {
    expect(clipFiles.length).toBeGreaterThanOrEqual(6);
    expect(clipFiles.length).toBeLessThanOrEqual(8);
    const total = clipFiles.reduce((sum, f) => sum + statSync(join(DEMO_DIR, f)).size, 0);
    expect(total).toBeLessThanOrEqual(3.2 * 1024 * 1024);
  });

  it.each(clipFiles)('%s: H.264 baseline/main, keyframe every second, 8–15 s', async (file) => {
    const clip = await loadDemoClip(join(DEMO_DIR, file));
    const header = videoTagInfo(clip.sequenceHeader.data);
    expect(header).toMatchObject({ codec: 'h264', sequenceHeader: true });
    // AVCDecoderConfigurationRecord: configurationVersion 1, then AVCProfileIndication.
    const record = clip.sequenceHeader.data.subarray(5);
    expect(record[0]).toBe(1);
    expect([66, 77]).toContain(record[1]);
    expect(clip.scriptTag).not.toBeNull();

    expect(clip.frameIntervalMs).toBe(40);
    expect(clip.durationMs).toBeGreaterThanOrEqual(8000);
    expect(clip.durationMs).toBeLessThanOrEqual(15000);
    expect(clip.frames[0]).toMatchObject({ timestamp: 0, keyframe: true });

    const keyTimes = clip.frames.filter((f) => f.keyframe).map((f) => f.timestamp);
    expect(keyTimes.length).toBe(clip.durationMs / 1000);
    keyTimes.forEach((t, i) => expect(Math.abs(t - i * 1000)).toBeLessThanOrEqual(40));
    for (const frame of clip.frames) {
      expect(videoTagInfo(frame.data)).toMatchObject({ codec: 'h264', sequenceHeader: false });
    }
  });

  it('loads each file once and shares it', async () => {
    const path = join(DEMO_DIR, clipFiles[0]!);
    const [a, b] = await Promise.all([loadDemoClip(path), loadDemoClip(path)]);
    expect(a).toBe(b);
    expect(await loadDemoClip(join(DEMO_DIR, '.', clipFiles[0]!))).toBe(a);
  });

  it('finds the keyframe nearest an offset, wrapping past the end', async () => {
    const clip = await loadDemoClip(join(DEMO_DIR, clipFiles[0]!));
    const at = (ms: number) => clip.frames[keyframeIndexNear(clip, ms)]!.timestamp;
    expect(at(0)).toBe(0);
    expect(at(4200)).toBe(4000);
    expect(at(4600)).toBe(5000);
    expect(at(clip.durationMs + 2000)).toBe(2000);
  });
});

describe('bad clips', () => {
  it('a missing file fails with not-found', async () => {
    const error = await loadDemoClip(join(DEMO_DIR, 'no-such-clip.flv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoClipError);
    expect(error).toMatchObject({ code: 'not-found' });
    expect(String((error as Error).message)).toMatch(/no-such-clip\.flv: no such file/);
  });

  it('bytes that are not FLV fail with protocol-error', () => {
    expect(() => parseDemoClip(new TextEncoder().encode('not a video at all'), 'x.flv')).toThrow(
      /x\.flv: the stream does not start with an FLV header/,
    );
  });

  it('a clip without a keyframe is refused', () => {
    const bytes = flv([
      { type: 9, timestamp: 0, data: Uint8Array.of(0x17, 0, 0, 0, 0, 1, 66) },
      { type: 9, timestamp: 0, data: Uint8Array.of(0x27, 1, 0, 0, 0, 9) },
      { type: 9, timestamp: 40, data: Uint8Array.of(0x27, 1, 0, 0, 0, 9) },
    ]);
    expect(() => parseDemoClip(bytes, 'k.flv')).toThrow(/k\.flv: no keyframe/);
  });

  it('a clip without a sequence header is refused', () => {
    const bytes = flv([{ type: 9, timestamp: 0, data: Uint8Array.of(0x17, 1, 0, 0, 0, 9) }]);
    expect(() => parseDemoClip(bytes, 's.flv')).toThrow(/no H\.264 sequence header/);
  });

  it('a non-H.264 clip is refused as unsupported-codec', () => {
    const bytes = flv([{ type: 9, timestamp: 0, data: Uint8Array.of(0x1c, 0, 0, 0, 0) }]);
    expect(() => parseDemoClip(bytes, 'h.flv')).toThrow(
      expect.objectContaining({ code: 'unsupported-codec' }),
    );
  });

  it('skips frames before the first keyframe and counts time from it', () => {
    const bytes = flv([
      { type: 9, timestamp: 0, data: Uint8Array.of(0x17, 0, 0, 0, 0, 1, 66) },
      { type: 9, timestamp: 0, data: Uint8Array.of(0x27, 1, 0, 0, 0, 9) },
      { type: 9, timestamp: 40, data: Uint8Array.of(0x17, 1, 0, 0, 0, 9) },
      { type: 9, timestamp: 80, data: Uint8Array.of(0x27, 1, 0, 0, 0, 9) },
    ]);
    const clip = parseDemoClip(bytes, 'p.flv');
    expect(clip.frames.map((f) => [f.timestamp, f.keyframe])).toEqual([
      [0, true],
      [40, false],
    ]);
    expect(clip.durationMs).toBe(80);
  });

  it("leaves out ffmpeg's trailing end-of-sequence tag, which would reset players at each loop", () => {
    const bytes = flv([
      { type: 9, timestamp: 0, data: Uint8Array.of(0x17, 0, 0, 0, 0, 1, 66) },
      { type: 9, timestamp: 0, data: Uint8Array.of(0x17, 1, 0, 0, 0, 9) },
      { type: 9, timestamp: 40, data: Uint8Array.of(0x27, 1, 0, 0, 0, 9) },
      { type: 9, timestamp: 40, data: Uint8Array.of(0x17, 2, 0, 0, 0) },
    ]);
    const clip = parseDemoClip(bytes, 'e.flv');
    expect(clip.frames.map((f) => f.timestamp)).toEqual([0, 40]);
    expect(clip.durationMs).toBe(80);
  });
});

function flv(tags: { type: 9; timestamp: number; data: Uint8Array }[]): Uint8Array {
  const parts = [encodeFlvHeader({ audio: false, video: true }), ...tags.map(encodeFlvTag)];
  return Buffer.concat(parts);
}
