// The FLV writer's bytes, field by field, against the layout of the FLV specification: the
// reader in this repository shares its assumptions, so a round trip alone would not catch a
// field both get wrong the same way. What a player reads is these exact bytes.
import { describe, expect, it } from 'vitest';
import {
  FLV_HEADER_SIZE,
  encodeFlvHeader,
  encodeFlvTag,
} from '../../../../electron/streams/flv/flv-writer';
import { FLV_TAG_SCRIPT, FLV_TAG_VIDEO } from '../../../../electron/streams/flv/flv-tag';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('encodeFlvHeader', () => {
  it('writes "FLV", version 1, the flags, header size 9 and PreviousTagSize0 = 0', () => {
    expect(FLV_HEADER_SIZE).toBe(9);
    expect(hex(encodeFlvHeader({ audio: false, video: true }))).toBe(
      '464c5601' + '01' + '00000009' + '00000000',
    );
    expect(hex(encodeFlvHeader({ audio: true, video: false })).slice(8, 10)).toBe('04');
    expect(hex(encodeFlvHeader({ audio: true, video: true })).slice(8, 10)).toBe('05');
    expect(hex(encodeFlvHeader({ audio: false, video: false })).slice(8, 10)).toBe('00');
  });
});

describe('encodeFlvTag', () => {
  it('writes type, 24-bit size, timestamp, extended timestamp, stream id 0, body, trailer', () => {
    const data = Uint8Array.of(0x17, 1, 0, 0, 0, 0xaa);
    expect(hex(encodeFlvTag({ type: FLV_TAG_VIDEO, timestamp: 0x12_34_56_78, data }))).toBe(
      '09' + '000006' + '345678' + '12' + '000000' + '1701000000aa' + '00000011',
    );
  });

  it('writes a 24-bit size byte by byte, and PreviousTagSize = 11 + size', () => {
    const size = 0x01_02_03;
    const bytes = encodeFlvTag({ type: FLV_TAG_SCRIPT, timestamp: 0, data: new Uint8Array(size) });
    expect(bytes).toHaveLength(11 + size + 4);
    expect(hex(bytes.subarray(0, 4))).toBe('12010203');
    expect(hex(bytes.subarray(11 + size))).toBe((11 + size).toString(16).padStart(8, '0'));
  });

  it('writes a PreviousTagSize of 2^24 or more in all four bytes', () => {
    const size = 2 ** 24; // larger than a reader accepts, but the writer must not truncate
    const bytes = encodeFlvTag({ type: FLV_TAG_VIDEO, timestamp: 0, data: new Uint8Array(size) });
    expect(hex(bytes.subarray(11 + size))).toBe('0100000b');
  });

  it('writes timestamps past 2^24 ms (4.7 hours) into the extended byte', () => {
    const at = (timestamp: number) =>
      hex(encodeFlvTag({ type: FLV_TAG_VIDEO, timestamp, data: new Uint8Array(0) }).subarray(4, 8));
    expect(at(0xff_ff_ff)).toBe('ffffff00');
    expect(at(0x01_00_00_00)).toBe('00000001');
    expect(at(0xff_ff_ff_ff)).toBe('ffffffff');
  });

  it('truncates fractions, clamps negatives to 0 and keeps the low 32 bits of larger times', () => {
    const at = (timestamp: number) =>
      hex(encodeFlvTag({ type: FLV_TAG_VIDEO, timestamp, data: new Uint8Array(0) }).subarray(4, 8));
    expect(at(40.9)).toBe('00002800');
    expect(at(-40)).toBe('00000000');
    expect(at(-0.5)).toBe('00000000');
    expect(at(2 ** 32 + 40)).toBe('00002800');
  });
});
