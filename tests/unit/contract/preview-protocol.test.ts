import { describe, expect, it } from 'vitest';
import {
  parseClientMessage,
  parseServerMessage,
  previewApiSecret,
  previewPageUrl,
  previewSocketUrl,
  readPreviewKey,
} from '../../../electron/contract/preview-protocol';

describe('preview protocol', () => {
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

  it('puts the key in the page URL’s fragment, and finds it in an API path', () => {
    expect(previewPageUrl('http://127.0.0.1:4780', 'abc')).toBe('http://127.0.0.1:4780/#key=abc');
    expect(readPreviewKey(new URL(previewPageUrl('http://h', 'abc')).hash)).toBe('abc');
    expect(previewApiSecret('/api/abc')).toBe('abc');
    expect(previewApiSecret('/apix/abc')).toBeNull();
  });

  it('reads a request frame with an id, leaving channel and payload for the service', () => {
    expect(parseClientMessage('{"kind":"request","id":1,"channel":"x","payload":2}')).toEqual({
      id: 1,
      channel: 'x',
      payload: 2,
    });
    for (const text of ['not json', 'null', '[]', '{"id":"1"}', '3']) {
      expect(parseClientMessage(text), text).toBeNull();
    }
  });
});
