import { describe, expect, it } from 'vitest';
import {
  FLV_TAG_AUDIO,
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  type FlvTag,
} from '../../../../electron/streams/flv/flv-tag';
import { GopCache } from '../../../../electron/streams/core/gop-cache';

const script = (ts = 0): FlvTag => ({
  type: FLV_TAG_SCRIPT,
  timestamp: ts,
  data: new Uint8Array([2]),
});
const config = (marker = 0): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: 0,
  data: new Uint8Array([0x17, 0, 0, 0, 0, 1, marker]),
});
const key = (ts: number): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: ts,
  data: new Uint8Array([0x17, 1, 0, 0, 0]),
});
const inter = (ts: number, size = 5): FlvTag => {
  const data = new Uint8Array(size);
  data.set([0x27, 1, 0, 0, 0]);
  return { type: FLV_TAG_VIDEO, timestamp: ts, data };
};
const audio = (ts: number): FlvTag => ({
  type: FLV_TAG_AUDIO,
  timestamp: ts,
  data: new Uint8Array([0xaf, 1]),
});

describe('GopCache', () => {
  it('has nothing for a viewer before a configuration and a keyframe', () => {
    const cache = new GopCache();
    expect(cache.startTags()).toEqual([]);
    cache.add(config());
    expect(cache.startTags()).toEqual([]);
    cache.add(inter(40));
    expect(cache.startTags()).toEqual([]);
  });

  it('starts a viewer with script, config, then the keyframe and the frames after it', () => {
    const cache = new GopCache();
    const tags = [script(), config(), key(0), inter(40), inter(80)];
    tags.forEach((t) => cache.add(t));
    expect(cache.startTags()).toEqual(tags);
  });

  it('drops the previous GOP when a new keyframe arrives', () => {
    const cache = new GopCache();
    [config(), key(0), inter(40), key(1_000), inter(1_040)].forEach((t) => cache.add(t));
    expect(cache.startTags().map((t) => t.timestamp)).toEqual([0, 1_000, 1_040]);
  });

  it('does not cache audio (the wall is silent)', () => {
    const cache = new GopCache();
    [config(), key(0), audio(10), inter(40)].forEach((t) => cache.add(t));
    expect(cache.startTags().some((t) => t.type === FLV_TAG_AUDIO)).toBe(false);
  });

  it('resets the GOP when the configuration changes, and keeps the new configuration', () => {
    const cache = new GopCache();
    [config(1), key(0), inter(40)].forEach((t) => cache.add(t));
    cache.add(config(2));
    expect(cache.startTags()).toEqual([]);
    cache.add(inter(80));
    expect(cache.startTags()).toEqual([]);
    cache.add(key(120));
    expect(cache.startTags()).toEqual([config(2), key(120)]);
  });

  it('gives up on a GOP that grows past its limit, until the next keyframe', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0));
    for (let i = 1; i <= 1_600; i += 1) cache.add(inter(i * 40));
    expect(cache.startTags()).toEqual([]);
    cache.add(key(100_000));
    cache.add(inter(100_040));
    expect(cache.startTags().map((t) => t.timestamp)).toEqual([0, 100_000, 100_040]);
  });

  it('gives up on a GOP past its byte limit', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0));
    for (let i = 1; i <= 30; i += 1) cache.add(inter(i * 40, 1024 * 1024));
    expect(cache.startTags()).toEqual([]);
  });

  it('forgets everything on clear()', () => {
    const cache = new GopCache();
    [script(), config(), key(0)].forEach((t) => cache.add(t));
    cache.clear();
    expect(cache.hasConfig).toBe(false);
    expect(cache.scriptTag).toBeNull();
    expect(cache.startTags()).toEqual([]);
  });
  // The limits are the cache's own (not exported): 1,500 tags or 24 MiB for one GOP.
  it('keeps a GOP of exactly 1,500 tags and gives up on the 1,501st', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0));
    for (let i = 1; i < 1_500; i += 1) cache.add(inter(i * 40));
    expect(cache.startTags()).toHaveLength(1 + 1_500);
    cache.add(inter(1_500 * 40));
    expect(cache.startTags()).toEqual([]);
  });

  it('keeps a GOP of exactly 24 MiB and gives up past it', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0)); // 5 bytes
    cache.add(inter(40, 24 * 1024 * 1024 - 10));
    cache.add(inter(80, 5)); // 24 MiB in all
    expect(cache.startTags().map((t) => t.timestamp)).toEqual([0, 0, 40, 80]);
    cache.add(inter(120, 5));
    expect(cache.startTags()).toEqual([]);
  });

  it('counts the byte limit per GOP: a new keyframe starts the count again', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0));
    cache.add(inter(40, 20 * 1024 * 1024));
    cache.add(key(1_000));
    cache.add(inter(1_040, 20 * 1024 * 1024));
    expect(cache.startTags().map((t) => t.timestamp)).toEqual([0, 1_000, 1_040]);
  });

  it('after dropGop() has nothing for a viewer until the next keyframe, config and script kept', () => {
    const cache = new GopCache();
    [script(), config(), key(0), inter(40)].forEach((t) => cache.add(t));
    cache.dropGop();
    expect(cache.startTags()).toEqual([]);
    expect(cache.hasConfig).toBe(true);
    expect(cache.scriptTag).toEqual(script());
    // A new connection's frames from mid-GOP are not cached behind nothing…
    cache.add(inter(80));
    expect(cache.startTags()).toEqual([]);
    // …and its first keyframe starts the cache again, with the kept script and config.
    cache.add(key(120));
    expect(cache.startTags()).toEqual([script(), config(), key(120)]);
  });

  it('does not cache a GOP that overflowed even when a configuration follows', () => {
    const cache = new GopCache();
    cache.add(config());
    cache.add(key(0));
    for (let i = 1; i <= 1_500; i += 1) cache.add(inter(i * 40));
    cache.add(config(2));
    cache.add(inter(70_000));
    expect(cache.startTags()).toEqual([]);
    expect(cache.configTag).toEqual(config(2));
  });
});
