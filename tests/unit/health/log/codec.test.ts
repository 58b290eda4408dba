import { describe, expect, it } from 'vitest';
import { encodeFrame, scanFrames } from '../../../../electron/health/log/frame-codec';
import {
  decodePayload,
  encodePayload,
  type Payload,
} from '../../../../electron/health/log/record-codec';
import { Cursor, pushSigned, pushVarint } from '../../../../electron/health/log/varint';

describe('varint', () => {
  it('round-trips epoch milliseconds and negative offsets beyond 32 bits', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31, 1_767_225_600_000, Number.MAX_SAFE_INTEGER];
    const out: number[] = [];
    for (const v of values) pushVarint(out, v);
    // Zigzag doubles the magnitude, so signed values stop at 2^52 (far beyond any offset).
    const signed = values.slice(1, -1).flatMap((v) => [v, -v]);
    for (const v of signed) pushSigned(out, v);
    const c = new Cursor(Uint8Array.from(out));
    expect(values.map(() => c.varint())).toEqual(values);
    expect(signed.map(() => c.signed())).toEqual(signed);
    expect(() => pushSigned([], -Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});

describe('record codec', () => {
  it('round-trips every payload kind', () => {
    const payloads: Payload[] = [
      { kind: 'header', version: 1, base: 1_767_225_600_000, prevLastAt: 0 },
      { kind: 'camera', index: 3, id: 'Quầy tiếp nhận 1' },
      { kind: 'reason', index: 0, text: 'Máy chủ không trả lời' },
      { kind: 'event', dt: 123_456, camera: 3, state: 4, reason: 1 },
      { kind: 'snapshot', dt: -86_400_000, camera: 0, state: 0, reason: 0 },
      { kind: 'snapshot-end', count: 25 },
      { kind: 'heartbeat', dt: 300_000 },
    ];
    for (const p of payloads) expect(decodePayload(encodePayload(p))).toEqual(p);
  });
});

describe('frames', () => {
  const frames = ['a', 'bb', 'x'.repeat(300)].map((s) => encodeFrame(Buffer.from(s)));
  const file = Buffer.concat(frames);

  it('scans back what was written', () => {
    const scan = scanFrames(file);
    expect(scan.frames.map((f) => f.payload.toString())).toEqual(['a', 'bb', 'x'.repeat(300)]);
    expect(scan.goodEnd).toBe(file.length);
    expect(scan.skippedBytes).toBe(0);
  });

  it('skips a frame with any flipped byte and resynchronises on the next one', () => {
    const middle = frames[0]!.length;
    for (let i = middle; i < middle + frames[1]!.length; i += 1) {
      const damaged = Buffer.from(file);
      damaged[i]! ^= 0xff;
      const scan = scanFrames(damaged);
      expect(scan.frames.map((f) => f.payload.toString().slice(0, 2))).toEqual(['a', 'xx']);
      expect(scan.goodEnd).toBe(file.length);
    }
  });

  it('reports a torn tail so the writer can cut it off', () => {
    for (let cut = frames[0]!.length + frames[1]!.length; cut < file.length; cut += 1) {
      const scan = scanFrames(file.subarray(0, cut));
      expect(scan.frames).toHaveLength(2);
      expect(scan.goodEnd).toBe(frames[0]!.length + frames[1]!.length);
    }
  });
});
