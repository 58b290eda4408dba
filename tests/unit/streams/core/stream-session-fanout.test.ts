import { describe, expect, it, vi } from 'vitest';
import { FLV_TAG_VIDEO } from '../../../../electron/streams/flv/flv-tag';
import {
  CONFIG,
  FIRST_GOP_LENGTH,
  FRAMES,
  RecordingSink,
  SCRIPT,
  installSessionHarness,
  isConfig,
  isFrame,
  isKey,
  session,
  upstream,
} from './support/session-harness';

// StreamSession: one upstream shared by viewers, each starting at a keyframe.
installSessionHarness();

describe('StreamSession fan-out', () => {
  it('shares one upstream connection between two viewers', () => {
    const a = new RecordingSink();
    const b = new RecordingSink();
    session.attach(a);
    session.attach(b);
    upstream.last.play(30);
    expect(session.connections).toBe(1);
    expect(upstream.sources).toHaveLength(1);
    expect(a.parsed().tags).toEqual(b.parsed().tags);
    expect(a.parsed().tags.filter(isFrame)).toHaveLength(30);
  });

  it('does not connect before the first viewer', () => {
    vi.advanceTimersByTime(60_000);
    expect(session.connections).toBe(0);
    expect(session.currentStatus.state).toBe('idle');
  });

  it('starts a late viewer with the FLV header, then config, then a keyframe', () => {
    session.attach(new RecordingSink());
    upstream.last.play(FIRST_GOP_LENGTH + 5); // into the second GOP
    const late = new RecordingSink();
    session.attach(late);
    expect(late.chunks[0]).toEqual(
      new Uint8Array([0x46, 0x4c, 0x56, 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]),
    );
    const video = late.parsed().tags.filter((t) => t.type === FLV_TAG_VIDEO);
    expect(isConfig(video[0]!)).toBe(true);
    expect(isKey(video[1]!)).toBe(true);
    expect(video.slice(1).filter(isFrame)).toHaveLength(5);
    expect(late.parsed().tags[0]).toEqual(expect.objectContaining({ type: SCRIPT.type }));
  });

  it('gives a viewer attached before any keyframe only the header until a keyframe arrives', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    const source = upstream.last;
    const interFrames = FRAMES.slice(1, 10);
    source.emit([SCRIPT, CONFIG, ...interFrames]);
    expect(sink.chunks).toHaveLength(1);
    expect(sink.parsed()).toEqual({ header: true, tags: [], marks: [] });

    source.emit([FRAMES[FIRST_GOP_LENGTH]!, FRAMES[FIRST_GOP_LENGTH + 1]!]);
    const video = sink.parsed().tags.filter((t) => t.type === FLV_TAG_VIDEO);
    expect(video.map((t) => (isConfig(t) ? 'config' : isKey(t) ? 'key' : 'inter'))).toEqual([
      'config',
      'key',
      'inter',
    ]);
  });

  it('tells each viewer when main received its frames: at every keyframe, four times a second', () => {
    const sink = new RecordingSink();
    session.attach(sink);
    const receivedAt = Date.now();
    upstream.last.emit([SCRIPT, CONFIG, ...FRAMES.slice(0, FIRST_GOP_LENGTH + 1)]);
    const { tags, marks } = sink.parsed();
    const keys = tags.filter((t) => t.type === FLV_TAG_VIDEO && isKey(t));
    expect(keys).toHaveLength(2);
    // On the viewer's own timeline (first picture at 0), at the fake clock of each arrival.
    const times = marks.map((m) => m.t);
    expect(times).toEqual(expect.arrayContaining(keys.map((k) => k.timestamp)));
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(250 + 40);
    }
    expect(marks[0]!.t).toBe(0);
    expect(marks[0]!.at).toBeGreaterThanOrEqual(receivedAt);
    // Emitted 40 ms apart in fake time, as they are stamped: receive time tracks stream time.
    for (const mark of marks) expect(mark.at - marks[0]!.at).toBe(mark.t);
  });

  it('goes live with the first frame and records when it came', () => {
    session.attach(new RecordingSink());
    expect(session.currentStatus.state).toBe('connecting');
    upstream.last.play(1);
    expect(session.currentStatus).toMatchObject({ state: 'live', retryAt: null, codec: 'h264' });
    expect(session.currentStatus.lastFrameAt).toBe(Date.now());
  });
});
