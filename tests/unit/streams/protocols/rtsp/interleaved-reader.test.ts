import { describe, expect, it } from 'vitest';
import {
  InterleavedReader,
  type InterleavedItem,
} from '../../../../../electron/streams/protocols/rtsp/interleaved-reader';
import {
  parseHead,
  parseSessionHeader,
  parsePublic,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-message';
import { interleaved } from './samples';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const DESCRIBE_OK =
  'RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://h/cam1/\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n';

describe('InterleavedReader', () => {
  it('splits responses with bodies and binary frames, byte by byte too', () => {
    const bytes = join(
      text(DESCRIBE_OK),
      interleaved(0, Uint8Array.from([1, 2, 3])),
      interleaved(1, Uint8Array.from([9])),
      text('RTSP/1.0 200 OK\nCSeq: 3\nSession: abc;timeout=30\n\n'),
    );
    for (const step of [bytes.length, 1, 7]) {
      const r = new InterleavedReader();
      const items: InterleavedItem[] = [];
      for (let i = 0; i < bytes.length; i += step) items.push(...r.push(bytes.slice(i, i + step)));
      expect(items.map((i) => i.kind)).toEqual(['response', 'frame', 'frame', 'response']);
      const first = items[0] as Extract<InterleavedItem, { kind: 'response' }>;
      expect(first.response.status).toBe(200);
      expect(Buffer.from(first.response.body).toString()).toBe('v=0\r\n');
      const frame = items[1] as Extract<InterleavedItem, { kind: 'frame' }>;
      expect([frame.channel, ...frame.payload]).toEqual([0, 1, 2, 3]);
      expect(r.pendingBytes).toBe(0);
    }
  });

  it('reports server requests (ANNOUNCE) instead of mistaking them for responses', () => {
    const items = new InterleavedReader().push(
      text('ANNOUNCE rtsp://h/cam RTSP/1.0\r\nCSeq: 9\r\n\r\n'),
    );
    expect(items[0]).toMatchObject({ kind: 'request', request: { method: 'ANNOUNCE' } });
  });

  it('ends with an error on a header over 64 KiB', () => {
    const r = new InterleavedReader();
    const items = r.push(text(`RTSP/1.0 200 OK\r\nX: ${'a'.repeat(70 * 1024)}`));
    expect(items).toEqual([{ kind: 'error', message: expect.stringContaining('64 KiB') }]);
    expect(r.push(text('RTSP/1.0 200 OK\r\n\r\n'))).toEqual([]);
  });

  it('ends with an error on an absurd Content-Length', () => {
    const items = new InterleavedReader().push(
      text('RTSP/1.0 200 OK\r\nContent-Length: 999999999\r\n\r\n'),
    );
    expect(items[0]!.kind).toBe('error');
  });

  it('skips a little junk between messages, but not forever', () => {
    const ok = new InterleavedReader().push(
      join(Uint8Array.from([0, 0, 0xff]), interleaved(0, Uint8Array.from([5]))),
    );
    expect(ok.map((i) => i.kind)).toEqual(['frame']);
    const r = new InterleavedReader();
    const items = r.push(new Uint8Array(70 * 1024).fill(0x01));
    expect(items.map((i) => i.kind)).toEqual(['error']);
  });
});

describe('RTSP message head', () => {
  it('parses the status line, repeated and folded headers', () => {
    const h = parseHead(
      'RTSP/1.0 401 Unauthorized\r\nCSeq: 3\r\nWWW-Authenticate: Digest realm="a", nonce="b"\r\nWWW-Authenticate: Basic realm="a"\r\nX-Long: one\r\n two',
    );
    expect(h.kind).toBe('response');
    if (h.kind !== 'response') return;
    expect(h.status).toBe(401);
    expect(h.reason).toBe('Unauthorized');
    expect(h.headers.get('www-authenticate')).toHaveLength(2);
    expect(h.headers.get('x-long')).toEqual(['one two']);
  });

  it('reads Session ids and timeouts', () => {
    expect(parseSessionHeader('12345678;timeout=30')).toEqual({ id: '12345678', timeoutSec: 30 });
    expect(parseSessionHeader('abc')).toEqual({ id: 'abc', timeoutSec: 60 });
    expect(parseSessionHeader('abc; timeout = 0')).toEqual({ id: 'abc', timeoutSec: 60 });
  });

  it('reads Public', () => {
    expect(parsePublic('OPTIONS, DESCRIBE, get_parameter')).toEqual(
      new Set(['OPTIONS', 'DESCRIBE', 'GET_PARAMETER']),
    );
  });
});
