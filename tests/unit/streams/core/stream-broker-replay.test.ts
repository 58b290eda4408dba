import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quality } from '../../../../electron/contract/wall-contract';
import type { SourceHandlers } from '../../../../electron/streams/core/source';
import { StreamBroker } from '../../../../electron/streams/core/stream-broker';
import { FLV_TAG_VIDEO, type FlvTag } from '../../../../electron/streams/flv/flv-tag';
import { CONFIG, SCRIPT } from './support/session-harness';

// Which stream a replay comes from: the one asked for when it reaches back far enough, else
// the camera's other stream (a tile maximised a moment ago has little main stream yet).
const handlers = new Map<string, SourceHandlers>();
let broker: StreamBroker;
const tile = { send: () => {}, bufferedBytes: () => 0, close: () => {}, tile: true };
const frame = (ts: number): FlvTag => ({
  type: FLV_TAG_VIDEO,
  timestamp: ts,
  data: new Uint8Array([ts % 2_000 === 0 ? 0x17 : 0x27, 1, 0, 0, 0, 9, 9, 9]),
});

/** Plays `seconds` of 25 fps video on one stream, in fake time. */
function play(quality: Quality, seconds: number) {
  const source = handlers.get(quality)!;
  source.onTag(SCRIPT);
  source.onTag(CONFIG);
  for (let ts = 0; ts < seconds * 1_000; ts += 40) {
    vi.advanceTimersByTime(40);
    source.onTag(frame(ts));
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T07:00:00Z') });
  broker = new StreamBroker({
    resolve: (_cameraId, quality) => ({
      label: 'Cao An',
      factory: (h) => {
        handlers.set(quality, h);
        return { close: () => {} };
      },
    }),
    onStatus: () => {},
    log: () => {},
    replay: { maxMs: 60_000, maxBytes: 64 * 1024 * 1024 },
  });
});
afterEach(() => {
  broker.close();
  vi.useRealTimers();
});

describe('StreamBroker replay', () => {
  it('takes the sub stream when the main one does not reach back far enough', () => {
    broker.attach('cam', 'sub', tile);
    play('sub', 20);
    broker.attach('cam', 'main', tile);
    play('main', 3);
    const clip = broker.replayClip('cam', 'main', 10)!;
    expect(Date.now() - clip.startReceivedAt).toBeGreaterThanOrEqual(10_000);
    expect(broker.replayClip('cam', 'main', 2)!.startReceivedAt).toBeGreaterThan(
      Date.now() - 4_000,
    );
    expect(broker.replayBytes).toBeGreaterThan(0);
  });

  it('holds nothing for a camera no tile shows', () => {
    broker.attach('cam', 'sub', { ...tile, tile: false });
    play('sub', 5);
    expect(broker.replayClip('cam', 'sub', 10)).toBeNull();
    expect(broker.replayBytes).toBe(0);
  });
});
