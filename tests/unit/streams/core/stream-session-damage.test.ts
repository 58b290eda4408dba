// StreamSession with a damaged decoder configuration: the connection ends as a failure the tile
// names, nothing of it reaches a viewer, and the session retries it like any other failure.
import { describe, expect, it, vi } from 'vitest';
import { avcSequenceHeaderTag } from '../../../../electron/streams/flv/avc-tags';
import { StreamSession } from '../../../../electron/streams/core/stream-session';
import { BROKEN_AVC_RECORDS } from '../../../fixtures/broken-video/broken-records';
import {
  CONFIG,
  FRAMES,
  RecordingSink,
  SCRIPT,
  TIMINGS,
  installSessionHarness,
  logs,
  session,
  upstream,
  useSession,
} from './support/session-harness';

installSessionHarness();

const broken = avcSequenceHeaderTag(BROKEN_AVC_RECORDS['overflowing SPS length']!, 0);

describe('StreamSession and damaged video', () => {
  it('ends a connection whose configuration is broken, before relaying it', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    upstream.last.emit([SCRIPT, broken, ...FRAMES.slice(0, 3)]);
    expect(upstream.last.closed).toBe(true);
    expect(session.currentStatus).toMatchObject({
      state: 'error',
      reason: 'damaged-video',
      lastFrameAt: null,
    });
    expect(session.currentStatus.detail).toMatch(/the stream is damaged \(SPS 1 of 1 claims/);
    expect(session.currentStatus.retryAt).toBeGreaterThan(Date.now());
    expect(sink.parsed().tags.filter((t) => t.type === 9)).toEqual([]);
    expect(logs.join('\n')).toMatch(/the stream is damaged/);
  });

  it('ends a connection whose frames come without a configuration', () => {
    session.attach(new RecordingSink());
    upstream.last.emit([SCRIPT, ...FRAMES.slice(0, 3)]);
    expect(session.currentStatus).toMatchObject({ state: 'error', reason: 'damaged-video' });
    expect(session.currentStatus.detail).toMatch(/without a decoder configuration/);
  });

  it('recovers on the next connection once the camera sends a valid stream', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    upstream.last.emit([SCRIPT, broken]);
    vi.advanceTimersByTime(session.currentStatus.retryAt! - Date.now());
    expect(upstream.sources).toHaveLength(2);
    upstream.last.emit([SCRIPT, CONFIG, ...FRAMES.slice(0, 3)]);
    expect(session.currentStatus.state).toBe('live');
    expect(session.currentStatus.reason).toBeUndefined();
    expect(sink.parsed().tags.some((t) => t.type === 9)).toBe(true);
  });

  it('fails a source that sends the broken configuration before its factory returns', () => {
    const closed: boolean[] = [];
    const syncSession = useSession(
      new StreamSession({
        cameraId: 'cam-2',
        quality: 'main',
        label: 'sync',
        factory: (handlers) => {
          handlers.onTag(broken);
          return { close: () => void closed.push(true) };
        },
        timings: TIMINGS,
        onStatus: () => undefined,
        log: () => undefined,
        random: () => 0,
      }),
    );
    syncSession.attach(new RecordingSink());
    expect(closed).toEqual([true]);
    expect(syncSession.currentStatus).toMatchObject({ state: 'error', reason: 'damaged-video' });
  });
});
