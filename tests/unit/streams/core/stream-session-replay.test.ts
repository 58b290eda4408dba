import { describe, expect, it, vi } from 'vitest';
import { StreamSession } from '../../../../electron/streams/core/stream-session';
import {
  FRAMES,
  RecordingSink,
  TIMINGS,
  installSessionHarness,
  isFrame,
  isKey,
  logs,
  session,
  statuses,
  upstream,
  useSession,
} from './support/session-harness';

// The replay buffer lives in the session: kept only while a tile shows the stream, freed when
// the last tile leaves or the session ends.
installSessionHarness();

class TileSink extends RecordingSink {
  readonly tile = true;
}

function replaySession(): StreamSession {
  return useSession(
    new StreamSession({
      cameraId: 'cam-1',
      quality: 'sub',
      label: 'Cẩm Đoài · Quầy 1',
      factory: upstream.factory,
      timings: TIMINGS,
      onStatus: (s) => statuses.push(s),
      log: (line) => logs.push(line),
      random: () => 0,
      replay: { maxMs: 60_000, maxBytes: 64 * 1024 * 1024 },
    }),
  );
}

describe('StreamSession instant replay', () => {
  it('keeps nothing for a viewer that is not a tile (the background watch)', () => {
    const replay = replaySession();
    replay.attach(new RecordingSink());
    upstream.last.play(60);
    expect(replay.viewers.replayBytes).toBe(0);
    expect(replay.viewers.replayClip(10)).toBeNull();
  });

  it('buffers what a tile shows, from a keyframe, with when each frame came', () => {
    const replay = replaySession();
    replay.attach(new TileSink());
    const start = Date.now();
    upstream.last.play(60);
    const clip = replay.viewers.replayClip(60)!;
    expect(replay.viewers.replayBytes).toBeGreaterThan(0);
    expect(isKey(clip.tags.find(isFrame)!)).toBe(true);
    expect(clip.startReceivedAt).toBeGreaterThan(start);
    expect(clip.tags.filter(isFrame)).toHaveLength(60);
  });

  it('starts with the GOP already cached when the first tile joins a running stream', () => {
    const replay = replaySession();
    replay.attach(new RecordingSink());
    upstream.last.play(FRAMES.findIndex((t, i) => i > 0 && isKey(t)) + 3);
    replay.attach(new TileSink());
    const clip = replay.viewers.replayClip(60)!;
    expect(clip.tags.filter(isFrame)).toHaveLength(3);
  });

  it('frees the buffer when the last tile leaves and when the session closes', () => {
    const replay = replaySession();
    const detachA = replay.attach(new TileSink());
    const detachB = replay.attach(new TileSink());
    upstream.last.play(40);
    detachA();
    expect(replay.viewers.replayBytes).toBeGreaterThan(0);
    detachB();
    expect(replay.viewers.replayBytes).toBe(0);
    replay.attach(new TileSink());
    vi.advanceTimersByTime(40);
    upstream.last.play(40);
    expect(replay.viewers.replayBytes).toBeGreaterThan(0);
    replay.close();
    expect(replay.viewers.replayBytes).toBe(0);
  });

  it('keeps none by default', () => {
    session.attach(new TileSink());
    upstream.last.play(40);
    expect(session.viewers.replayBytes).toBe(0);
  });
});
