import { describe, expect, it } from 'vitest';
import {
  AU_FRAME_HEADER_BYTES,
  decodeAuMessage,
  encodeAuConfig,
  encodeAuFrame,
  sameAuConfig,
} from '../../../electron/contract/access-unit-wire';

describe('the access-unit wire format', () => {
  it('round-trips a config message with its picture size', () => {
    const record = Uint8Array.of(1, 0x42, 0xc0, 0x1e, 0xff, 0xe1, 0, 4, 1, 2, 3, 4);
    const bytes = encodeAuConfig('avc1.42c01e', record, { width: 1920, height: 1080 });
    expect(Array.from(bytes.subarray(0, 2))).toEqual([1, 11]);
    expect(decodeAuMessage(bytes)).toEqual({
      kind: 'config',
      codec: 'avc1.42c01e',
      width: 1920,
      height: 1080,
      description: record,
    });
  });

  it('says 0 × 0 for a size main did not know, and clamps one past 16 bits', () => {
    const record = Uint8Array.of(1, 2, 3);
    expect(decodeAuMessage(encodeAuConfig('avc1.42c01e', record))).toMatchObject({
      width: 0,
      height: 0,
    });
    const huge = encodeAuConfig('avc1.42c01e', record, { width: 70_000, height: Number.NaN });
    expect(decodeAuMessage(huge)).toMatchObject({ width: 0xffff, height: 0 });
  });

  it('round-trips a frame with its times, a negative composition offset included', () => {
    const data = Uint8Array.of(0, 0, 0, 2, 0x65, 0x88);
    const at = Date.UTC(2026, 10, 30, 8, 0, 0, 123) + 0.5;
    for (const [keyframe, dts, pts] of [
      [true, 0, 80],
      [false, 2_000_000_000, 2_000_000_000 - 40],
    ] as const) {
      const bytes = encodeAuFrame({ keyframe, dts, pts, receivedAt: at, data });
      expect(bytes.length).toBe(AU_FRAME_HEADER_BYTES + data.length);
      expect(decodeAuMessage(bytes)).toEqual({
        kind: 'frame',
        keyframe,
        dts,
        pts,
        receivedAt: at,
        data,
      });
    }
  });

  it('reads nothing from malformed or unknown messages', () => {
    const frame = encodeAuFrame({
      keyframe: true,
      dts: 1,
      pts: 1,
      receivedAt: 1,
      data: Uint8Array.of(9),
    });
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.of(3, 1, 2, 3),
      frame.subarray(0, AU_FRAME_HEADER_BYTES),
      Uint8Array.of(1, 0, 1),
      Uint8Array.of(1, 9, 0x61),
      encodeAuConfig('vp09.00.10.08', Uint8Array.of(1)),
      encodeAuConfig('avc1.42c01e', new Uint8Array(0)),
    ];
    const nan = frame.slice();
    new DataView(nan.buffer).setFloat64(10, Number.NaN);
    cases.push(nan);
    for (const bytes of cases)
      expect(decodeAuMessage(bytes), Array.from(bytes).join(',')).toBeNull();
  });

  it('reads a frame inside a larger buffer without copying it', () => {
    const frame = encodeAuFrame({
      keyframe: false,
      dts: 40,
      pts: 40,
      receivedAt: 5,
      data: Uint8Array.of(7, 8),
    });
    const big = new Uint8Array(frame.length + 10);
    big.set(frame, 10);
    const read = decodeAuMessage(big.subarray(10));
    expect(read).toMatchObject({ kind: 'frame', dts: 40 });
    expect(read?.kind === 'frame' && read.data.buffer).toBe(big.buffer);
  });

  it('tells a repeated configuration from a new one by codec and record', () => {
    const config = (codec: string, ...record: number[]) => ({
      kind: 'config' as const,
      codec,
      description: Uint8Array.from(record),
      width: 640,
      height: 360,
    });
    expect(sameAuConfig(config('avc1.42c01e', 1, 2, 3), config('avc1.42c01e', 1, 2, 3))).toBe(true);
    expect(sameAuConfig(config('avc1.42c01e', 1, 2, 3), config('avc1.42c01e', 1, 2, 4))).toBe(
      false,
    );
    expect(sameAuConfig(config('avc1.42c01e', 1, 2), config('avc1.42c01e', 1, 2, 3))).toBe(false);
    expect(sameAuConfig(config('avc1.42c01e', 1), config('avc1.64001f', 1))).toBe(false);
  });
});
