import { describe, expect, it } from 'vitest';
import { clockMarkTag, readClockMark } from '../../../../electron/streams/flv/clock-mark';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import { encodeFlvHeader, encodeFlvTag } from '../../../../electron/streams/flv/flv-writer';

describe('clock marks', () => {
  it('round-trip through FLV bytes as an AMF0 script tag named onWallClock', () => {
    const mark = { t: 12_345, at: 1_764_511_330_123 };
    const bytes = [
      encodeFlvHeader({ audio: false, video: true }),
      encodeFlvTag(clockMarkTag(mark)),
    ];
    const tags = new FlvReader()
      .push(Buffer.concat(bytes))
      .flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
    expect(tags).toHaveLength(1);
    expect(tags[0]!.timestamp).toBe(12_345);
    expect(readClockMark(tags[0]!)).toEqual(mark);
    // The name a player's AMF reader sees first.
    expect(Buffer.from(tags[0]!.data.subarray(3, 14)).toString()).toBe('onWallClock');
  });

  it('is not confused with other script data', () => {
    const onMetaData = {
      type: 18 as const,
      timestamp: 0,
      data: new Uint8Array([2, 0, 10, ...Buffer.from('onMetaData'), 3, 0, 0, 9]),
    };
    expect(readClockMark(onMetaData)).toBeNull();
  });
});
