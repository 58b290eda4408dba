// The WebCodecs sinks against fakes: the track sink writes each frame into the generated track
// a <video> plays, drops (and closes) a frame when the track has not taken the last one, and
// lets go of the track when closed; the canvas sink draws and closes every frame. A <video>
// fed by the track reports the feed's skipped frames as dropped, like an MSE video would.
import { describe, expect, it } from 'vitest';
import { canvasSink, trackSink, type TrackPlatform } from '../../../renderer/src/player/frame-sink';
import { exposeTrackMeasures } from '../../../renderer/src/player/sink-measures';

function fakeFrame(timestamp = 0) {
  return {
    timestamp,
    displayWidth: 640,
    displayHeight: 360,
    closed: 0,
    close() {
      this.closed += 1;
    },
  };
}
type FakeFrame = ReturnType<typeof fakeFrame>;

function fakeTrack() {
  const written: FakeFrame[] = [];
  const state = { desiredSize: 1 as number | null, writerClosed: false, stopped: false };
  const video = {
    muted: false,
    autoplay: false,
    playsInline: false,
    srcObject: null as unknown,
    removed: false,
  };
  const platform: TrackPlatform = {
    createVideo: () =>
      Object.assign(video, { remove: () => (video.removed = true) }) as unknown as HTMLVideoElement,
    createGenerator: () =>
      ({
        writable: {
          getWriter: () => ({
            get desiredSize() {
              return state.desiredSize;
            },
            write: (frame: FakeFrame) => {
              written.push(frame);
              return Promise.resolve();
            },
            close: () => {
              state.writerClosed = true;
              return Promise.resolve();
            },
          }),
        },
        stop: () => (state.stopped = true),
      }) as unknown as ReturnType<TrackPlatform['createGenerator']>,
    createStream: (track) => ({ track }) as unknown as MediaStream,
  };
  return { platform, written, state, video };
}

describe('trackSink', () => {
  it('plays the generated track in a muted, autoplaying <video> and writes each frame into it', () => {
    const { platform, written, video } = fakeTrack();
    const sink = trackSink(platform);
    expect(sink.kind).toBe('track');
    expect(video).toMatchObject({ muted: true, autoplay: true, playsInline: true });
    expect(video.srcObject).toBeTruthy();
    const frame = fakeFrame(40_000);
    expect(sink.show(frame as unknown as VideoFrame)).toBe(true);
    // Ownership passed to the track, which closes it once its sinks have it.
    expect(written).toEqual([frame]);
    expect(frame.closed).toBe(0);
  });

  it('drops and closes a frame while the track has not taken the previous one', () => {
    const { platform, written, state } = fakeTrack();
    const sink = trackSink(platform);
    state.desiredSize = 0;
    const frame = fakeFrame();
    expect(sink.show(frame as unknown as VideoFrame)).toBe(false);
    expect(frame.closed).toBe(1);
    expect(written).toEqual([]);
  });

  it('closes the writer, stops the track and removes the <video>; later frames are closed unshown', () => {
    const { platform, written, state, video } = fakeTrack();
    const sink = trackSink(platform);
    sink.close();
    expect(state).toMatchObject({ writerClosed: true, stopped: true });
    expect(video.srcObject).toBeNull();
    expect(video.removed).toBe(true);
    const frame = fakeFrame();
    expect(sink.show(frame as unknown as VideoFrame)).toBe(false);
    expect(frame.closed).toBe(1);
    expect(written).toEqual([]);
  });
});

describe('canvasSink', () => {
  it('sizes the canvas to the frame, draws it and closes it', () => {
    const draws: unknown[] = [];
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({ drawImage: (f: unknown) => draws.push(f) }),
      remove() {},
    };
    const sink = canvasSink(canvas as unknown as HTMLCanvasElement);
    const frame = fakeFrame();
    expect(sink.show(frame as unknown as VideoFrame)).toBe(true);
    expect([canvas.width, canvas.height]).toEqual([640, 360]);
    expect(draws).toEqual([frame]);
    expect(frame.closed).toBe(1);
  });
});

describe('exposeTrackMeasures', () => {
  it('adds the feed’s skipped frames, across recreated feeds, to the video’s own counts', () => {
    const video = {
      getVideoPlaybackQuality: () => ({
        totalVideoFrames: 100,
        droppedVideoFrames: 2,
        corruptedVideoFrames: 0,
        creationTime: 5,
      }),
    };
    const measures = exposeTrackMeasures(video as unknown as HTMLVideoElement);
    const first = { decoded: 90, dropped: 3 };
    measures.counting(first);
    measures.counting({ decoded: 10, dropped: 4 });
    expect(video.getVideoPlaybackQuality()).toEqual({
      totalVideoFrames: 107,
      droppedVideoFrames: 9,
      corruptedVideoFrames: 0,
      creationTime: 5,
    });
  });
});
