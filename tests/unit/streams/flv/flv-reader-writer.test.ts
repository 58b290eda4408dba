import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FlvReader,
  MAX_TAG_SIZE,
  type FlvReadResult,
} from '../../../../electron/streams/flv/flv-reader';
import {
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';
import { encodeFlvHeader, encodeFlvTag } from '../../../../electron/streams/flv/flv-writer';

const CLIP = join(__dirname, '../../../../assets/demo/clip-1.flv');

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function tagsOf(results: FlvReadResult[]): FlvTag[] {
  return results.flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
}

const sampleTags: FlvTag[] = [
  { type: FLV_TAG_SCRIPT, timestamp: 0, data: new Uint8Array([2, 0, 10, 111, 110]) },
  { type: FLV_TAG_VIDEO, timestamp: 0, data: new Uint8Array([0x17, 0, 0, 0, 0, 1, 2, 3]) },
  { type: FLV_TAG_VIDEO, timestamp: 0, data: new Uint8Array([0x17, 1, 0, 0, 0, 9, 9, 9, 9]) },
  { type: FLV_TAG_VIDEO, timestamp: 40, data: new Uint8Array([0x27, 1, 0, 0, 0, 7]) },
  { type: FLV_TAG_VIDEO, timestamp: 80, data: new Uint8Array(0) },
];

function sampleStream(tags: FlvTag[] = sampleTags): Uint8Array {
  return concat([encodeFlvHeader({ audio: false, video: true }), ...tags.map(encodeFlvTag)]);
}

describe('FLV writer → reader', () => {
  it('round-trips the header flags and every tag', () => {
    const results = new FlvReader().push(sampleStream());
    expect(results[0]).toEqual({ kind: 'header', audio: false, video: true });
    expect(tagsOf(results)).toEqual(sampleTags);
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
  });

  it('reads the audio flag', () => {
    const results = new FlvReader().push(encodeFlvHeader({ audio: true, video: false }));
    expect(results).toEqual([{ kind: 'header', audio: true, video: false }]);
  });

  it('writes PreviousTagSize = 11 + body size after each tag', () => {
    const bytes = encodeFlvTag(sampleTags[2]!);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(bytes.length - 4)).toBe(11 + sampleTags[2]!.data.length);
  });

  it('gives identical tags whatever byte boundary the stream is split at', () => {
    const stream = sampleStream();
    const expected = tagsOf(new FlvReader().push(stream));
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const reader = new FlvReader();
      const results = [...reader.push(stream.slice(0, cut)), ...reader.push(stream.slice(cut))];
      expect(tagsOf(results), `split at ${cut}`).toEqual(expected);
      expect(results.filter((r) => r.kind === 'header')).toHaveLength(1);
      expect(reader.pendingBytes).toBe(0);
    }
  });

  it('gives identical tags when fed one byte at a time', () => {
    const stream = sampleStream();
    const reader = new FlvReader();
    const results: FlvReadResult[] = [];
    for (let i = 0; i < stream.length; i += 1) results.push(...reader.push(stream.slice(i, i + 1)));
    expect(tagsOf(results)).toEqual(sampleTags);
  });

  it('keeps timestamps beyond 2^24 ms through the extended byte', () => {
    const big = [2 ** 24, 2 ** 24 + 12_345, 0x7fff_ffff, 2 ** 32 - 1];
    const tags = big.map((timestamp) => ({
      type: FLV_TAG_VIDEO as typeof FLV_TAG_VIDEO,
      timestamp,
      data: new Uint8Array([0x27, 1, 0, 0, 0]),
    }));
    expect(tagsOf(new FlvReader().push(sampleStream(tags))).map((t) => t.timestamp)).toEqual(big);
    // The extended byte is the upper 8 bits, after the lower 24.
    const bytes = encodeFlvTag(tags[1]!);
    expect([bytes[4], bytes[5], bytes[6], bytes[7]]).toEqual([0x00, 0x30, 0x39, 0x01]);
  });
});

describe('FLV reader on malformed input', () => {
  function expectOneErrorThenSilence(reader: FlvReader, results: FlvReadResult[], pattern: RegExp) {
    const errors = results.filter((r) => r.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(pattern) });
    expect(results.at(-1)?.kind).toBe('error');
    expect(reader.push(sampleStream())).toEqual([]);
    expect(reader.push(new Uint8Array(100))).toEqual([]);
    expect(reader.pendingBytes).toBe(0);
  }

  it('reports an HTML page instead of a header once, then nothing', () => {
    const reader = new FlvReader();
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Login</body></html>');
    expectOneErrorThenSilence(reader, reader.push(html), /FLV header/);
  });

  it('reports an impossible header size', () => {
    const header = encodeFlvHeader({ audio: false, video: true });
    header[8] = 3;
    const reader = new FlvReader();
    expectOneErrorThenSilence(reader, reader.push(header), /header size 3/);
  });

  it('reports an unknown tag type after the good tags before it', () => {
    const bad = encodeFlvTag(sampleTags[3]!);
    bad[0] = 7;
    const reader = new FlvReader();
    const results = reader.push(concat([sampleStream(), bad]));
    expect(tagsOf(results)).toEqual(sampleTags);
    expectOneErrorThenSilence(reader, results, /unknown FLV tag type 7/);
  });

  it('reports an oversize tag as soon as its header arrives, without buffering it', () => {
    const header = new Uint8Array(11);
    header[0] = FLV_TAG_VIDEO;
    const size = MAX_TAG_SIZE + 1;
    header[1] = (size >> 16) & 0xff;
    header[2] = (size >> 8) & 0xff;
    header[3] = size & 0xff;
    const reader = new FlvReader();
    const results = reader.push(concat([encodeFlvHeader({ audio: false, video: true }), header]));
    expect(results[0]).toMatchObject({ kind: 'header' });
    expectOneErrorThenSilence(reader, results, /too large/);
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let run = 0; run < 200; run += 1) {
      const reader = new FlvReader();
      const bytes = Uint8Array.from({ length: 64 }, () => Math.floor(random() * 256));
      if (run % 2 === 0) bytes.set(encodeFlvHeader({ audio: false, video: true }));
      expect(() => reader.push(bytes)).not.toThrow();
    }
  });
});

describe('the committed demo clip', () => {
  it('reads assets/demo/clip-1.flv: header, script, AVC config, keyframe, then frames', () => {
    const reader = new FlvReader();
    const results = reader.push(readFileSync(CLIP));
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
    expect(reader.pendingBytes).toBe(0);
    expect(results[0]).toEqual({ kind: 'header', audio: false, video: true });
    const tags = tagsOf(results);
    expect(tags[0]?.type).toBe(FLV_TAG_SCRIPT);
    expect(videoTagInfo(tags[1]!.data)).toMatchObject({ sequenceHeader: true, codec: 'h264' });
    expect(videoTagInfo(tags[2]!.data)).toMatchObject({ keyframe: true, sequenceHeader: false });
    const times = tags.slice(1).map((t) => t.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(tags.length).toBeGreaterThan(200);
  });

  it('re-encodes the clip byte for byte', () => {
    const original = readFileSync(CLIP);
    const tags = tagsOf(new FlvReader().push(original));
    const rewritten = concat([
      encodeFlvHeader({ audio: false, video: true }),
      ...tags.map(encodeFlvTag),
    ]);
    expect(Buffer.from(rewritten).equals(original)).toBe(true);
  });
});
