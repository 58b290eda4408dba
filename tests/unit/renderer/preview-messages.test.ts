import { describe, expect, it } from 'vitest';
import {
  parseServerMessage,
  previewSocketUrl,
  readPreviewKey,
  reconnectDelayMs,
} from '../../../renderer/src/api/preview-messages';

describe('preview client helpers', () => {
  it('reads the secret from #key=…', () => {
    expect(readPreviewKey('#key=abc123')).toBe('abc123');
    expect(readPreviewKey('#other=1&key=z')).toBe('z');
    expect(readPreviewKey('')).toBeNull();
    expect(readPreviewKey('#key=')).toBeNull();
  });

  it('connects to the same host under /api/<secret>', () => {
    expect(previewSocketUrl({ protocol: 'http:', host: '127.0.0.1:4780' }, 'abc')).toBe(
      'ws://127.0.0.1:4780/api/abc',
    );
    expect(previewSocketUrl({ protocol: 'https:', host: 'h' }, 'a/b')).toBe('wss://h/api/a%2Fb');
  });

  it('backs off reconnects from 0.5 s to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('accepts responses and events of the protocol', () => {
    const ok = { kind: 'response', id: 3, result: { ok: true, value: [] } };
    expect(parseServerMessage(JSON.stringify(ok))).toEqual(ok);
    const failed = { kind: 'response', id: 4, result: { ok: false, error: 'nope' } };
    expect(parseServerMessage(JSON.stringify(failed))).toEqual(failed);
    const event = { kind: 'event', channel: 'streams:status', payload: { cameraId: 'a' } };
    expect(parseServerMessage(JSON.stringify(event))).toEqual(event);
  });

  it('drops anything else', () => {
    for (const text of [
      'not json',
      '[]',
      'null',
      JSON.stringify({ kind: 'response', id: '1', result: { ok: true, value: 1 } }),
      JSON.stringify({ kind: 'response', id: 1, result: { ok: false } }),
      JSON.stringify({ kind: 'event', channel: 'wall:other', payload: {} }),
      JSON.stringify({ kind: 'event', channel: 'wall:snapshot', payload: 'x' }),
      JSON.stringify({ kind: 'request', id: 1 }),
    ]) {
      expect(parseServerMessage(text), text).toBeNull();
    }
  });
});
