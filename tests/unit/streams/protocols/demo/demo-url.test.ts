import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DemoUrlError,
  parseDemoUrl,
} from '../../../../../electron/streams/protocols/demo/demo-url';

const DIR = join('/opt', 'app', 'assets', 'demo');

describe('parseDemoUrl', () => {
  it('maps a clip name to <demoDir>/<name>.flv, starting at 0', () => {
    expect(parseDemoUrl('demo:clip-3', DIR)).toEqual({
      clipName: 'clip-3',
      clipPath: join(DIR, 'clip-3.flv'),
      startOffsetMs: 0,
    });
  });

  it('reads the offset in seconds', () => {
    expect(parseDemoUrl('demo:clip-3?offset=4.2', DIR).startOffsetMs).toBe(4200);
    expect(parseDemoUrl('demo:a1?offset=0', DIR).startOffsetMs).toBe(0);
    expect(parseDemoUrl('demo:a1?offset=15', DIR).startOffsetMs).toBe(15000);
  });

  it.each([
    'demo:../../etc/passwd',
    'demo:clip/../x',
    'demo:..',
    'demo:Clip-3',
    'demo:clip%2F..',
    'demo:clip.flv',
    'demo:',
    'demo:?offset=1',
    'demo:clip 3',
  ])('rejects the clip name in %s', (url) => {
    expect(() => parseDemoUrl(url, DIR)).toThrow(DemoUrlError);
    expect(() => parseDemoUrl(url, DIR)).toThrow(/lower-case letters, digits and "-"/);
  });

  it.each([
    'demo:clip-1?offset=-1',
    'demo:clip-1?offset=abc',
    'demo:clip-1?offset=',
    'demo:clip-1?offset=1e9',
  ])('rejects the offset in %s', (url) => {
    expect(() => parseDemoUrl(url, DIR)).toThrow(/offset must be a number of seconds/);
  });

  it('rejects unknown parameters and other schemes', () => {
    expect(() => parseDemoUrl('demo:clip-1?speed=2', DIR)).toThrow(/unknown parameter "speed"/);
    expect(() => parseDemoUrl('rtsp://cam/clip-1', DIR)).toThrow(/not a demo URL/);
  });
});
