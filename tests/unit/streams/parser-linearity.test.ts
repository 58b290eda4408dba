// The stream readers' cost is linear in their input, proved by counting instead of timing:
// the chunk queue and the readers count every byte they copy and every byte they scan, and on
// adversarial inputs both stay under a small multiple of the input size, in one chunk or
// trickled. The same bound catches the pre-fix reader on a line 16 times shorter.
import { describe, expect, it } from 'vitest';
import { parserCost, resetParserCost } from '../../../electron/streams/bytes/chunk-queue';
import { FlvReader } from '../../../electron/streams/flv/flv-reader';
import { encodeFlvHeader, encodeFlvTag } from '../../../electron/streams/flv/flv-writer';
import { InterleavedReader } from '../../../electron/streams/protocols/rtsp/interleaved-reader';
import { LegacyInterleavedReader } from '../../bench/legacy/legacy-interleaved-reader';
import { capitalsLine, interleavedRtp, largeFlvTag, pieces } from '../../bench/parser-inputs';

const BOUND = 4;

function costOf(push: (chunk: Uint8Array) => unknown[], chunks: Uint8Array[]) {
  resetParserCost();
  const items: unknown[] = [];
  for (const chunk of chunks) items.push(...push(chunk));
  return { items, copied: parserCost.copied, scanned: parserCost.scanned };
}

function expectLinear(cost: { copied: number; scanned: number }, inputBytes: number) {
  expect(cost.copied).toBeLessThanOrEqual(BOUND * inputBytes);
  expect(cost.scanned).toBeLessThanOrEqual(BOUND * inputBytes);
}

describe('parser cost is linear in the input', () => {
  it('RTSP: a 64 KiB invalid head line of capitals, then a frame, in one chunk', () => {
    const input = capitalsLine(64 * 1024);
    const r = new InterleavedReader();
    const cost = costOf((c) => r.push(c), [input]);
    // The line is skipped (no error: it is within the junk limit) and the frame still comes.
    expect(cost.items).toMatchObject([{ kind: 'frame', channel: 0 }]);
    expectLinear(cost, input.length);
  });

  it('RTSP: the same line one byte at a time', () => {
    const input = capitalsLine(64 * 1024);
    const r = new InterleavedReader();
    const cost = costOf((c) => r.push(c), pieces(input, 1));
    expect(cost.items).toMatchObject([{ kind: 'frame', channel: 0 }]);
    expectLinear(cost, input.length);
  });

  it('RTSP: a head that never ends fails at 64 KiB, one byte at a time', () => {
    const input = new Uint8Array(70 * 1024).fill(0x41);
    const r = new InterleavedReader();
    const cost = costOf((c) => r.push(c), pieces(input, 1));
    expect(cost.items).toEqual([{ kind: 'error', message: expect.stringContaining('64 KiB') }]);
    expectLinear(cost, input.length);
  });

  it('RTSP: interleaved RTP one byte at a time', () => {
    const input = interleavedRtp(200, 1400);
    const r = new InterleavedReader();
    const cost = costOf((c) => r.push(c), pieces(input, 1));
    expect(cost.items).toHaveLength(200);
    expect(r.pendingBytes).toBe(0);
    expectLinear(cost, input.length);
  });

  it('FLV: an 8 MiB tag in 1460-byte chunks', () => {
    const input = largeFlvTag(8 * 1024 * 1024 - 64);
    const r = new FlvReader();
    const cost = costOf((c) => r.push(c), pieces(input, 1460));
    expect(cost.items.map((i) => (i as { kind: string }).kind)).toEqual(['header', 'tag']);
    expectLinear(cost, input.length);
  });

  it('FLV: small tags one byte at a time', () => {
    const tag = encodeFlvTag({ type: 9, timestamp: 40, data: new Uint8Array(300).fill(7) });
    const input = Buffer.concat([
      encodeFlvHeader({ audio: false, video: true }),
      ...Array(50).fill(tag),
    ]);
    const r = new FlvReader();
    const cost = costOf((c) => r.push(c), pieces(input, 1));
    expect(cost.items).toHaveLength(51);
    expectLinear(cost, input.length);
  });

  it('the bound catches the pre-fix reader, on a 4 KiB line', () => {
    const input = capitalsLine(4 * 1024);
    const r = new LegacyInterleavedReader();
    const cost = costOf((c) => r.push(c), [input]);
    expect(cost.items).toMatchObject([{ kind: 'frame' }]);
    expect(cost.scanned).toBeGreaterThan(100 * input.length);
  });
});

describe('InterleavedReader resynchronises after an invalid head as it always did', () => {
  const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const kinds = (bytes: Uint8Array, step: number) => {
    const fresh = new InterleavedReader();
    const legacy = new LegacyInterleavedReader();
    const a = pieces(bytes, step).flatMap((c) => fresh.push(c));
    const b = pieces(bytes, step).flatMap((c) => legacy.push(c));
    expect(a).toEqual(b);
    return a;
  };

  it.each([1, 3, 1000])('finds a status line that starts mid-line (chunks of %i)', (step) => {
    const items = kinds(text('XX RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n'), step);
    expect(items).toMatchObject([{ kind: 'response', response: { status: 200 } }]);
  });

  it('finds a request whose method follows other capitals on the line', () => {
    const items = kinds(text('Zq xANNOUNCE rtsp://h/cam RTSP/1.0\r\nCSeq: 9\r\n\r\n'), 1000);
    expect(items).toMatchObject([{ kind: 'request', request: { method: 'ANNOUNCE' } }]);
  });

  it('finds a status line on the next line of the invalid head', () => {
    const items = kinds(text('JUNK LINE\r\nRTSP/1.0 454 Nope\r\nCSeq: 3\r\n\r\n'), 5);
    expect(items).toMatchObject([{ kind: 'response', response: { status: 454 } }]);
  });

  it('takes a $ inside the invalid head as a frame', () => {
    const items = kinds(text('BAD$\x00\x00\x01\x07 line\r\n\r\n'), 2);
    expect(items).toEqual([{ kind: 'frame', channel: 0, payload: Uint8Array.from([7]) }]);
  });

  it('rejects look-alikes: a CR inside the reason, four-digit status, lower-case method', () => {
    const items = kinds(
      text('XRTSP/1.0 200 a\rb\r\nXRTSP/1.0 2000\r\nX get rtsp://h RTSP/1.0\r\n\r\n'),
      7,
    );
    expect(items).toEqual([]);
  });
});
