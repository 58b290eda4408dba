// Where a WebCodecs tile's decoded frames go. Two sinks, one seam:
// - track: each VideoFrame is written into a MediaStreamTrackGenerator whose track plays in a
//   <video>. The frame stays in its decoded (YUV) form all the way to the compositor, which
//   converts and scales it once, when it composites, exactly as it does for an MSE video; and a
//   live MediaStream video keeps no buffer (the newest frame is the one shown). Measured at 16
//   tiles, this takes the page's own thread out of the picture path (docs/bench/).
// - canvas: drawImage onto a 2D canvas the moment a frame is decoded. Without a GPU that is a
//   YUV→RGB conversion and a scale on the page's main thread for every frame; kept as the
//   fallback where MediaStreamTrackGenerator is missing (it is Chromium's, not a standard), and
//   as the benchmark's comparison (`sink=canvas`).
// A sink owns every frame handed to it: shown or not, the frame is closed.

export type SinkKind = 'track' | 'canvas';

interface SinkBase {
  /** Shows the frame and closes it. False when it was dropped (the sink is behind or closed). */
  show(frame: VideoFrame): boolean;
  close(): void;
}

/** The element on screen comes with its kind, so callers need no cast. */
export type FrameSink =
  | (SinkBase & { readonly kind: 'track'; readonly element: HTMLVideoElement })
  | (SinkBase & { readonly kind: 'canvas'; readonly element: HTMLCanvasElement });

/** What the track sink needs from the page; fakes in the unit tests. */
export interface TrackPlatform {
  createVideo(): HTMLVideoElement;
  createGenerator(): MediaStreamTrackGenerator;
  createStream(track: MediaStreamTrack): MediaStream;
}

interface MediaStreamTrackGenerator extends MediaStreamTrack {
  readonly writable: WritableStream<VideoFrame>;
}

declare const MediaStreamTrackGenerator:
  (new (init: { kind: 'video' }) => MediaStreamTrackGenerator) | undefined;

export function trackSinkAvailable(): boolean {
  return typeof MediaStreamTrackGenerator === 'function' && typeof MediaStream === 'function';
}

export const browserTrackPlatform: TrackPlatform = {
  createVideo: () => document.createElement('video'),
  createGenerator: () => new MediaStreamTrackGenerator!({ kind: 'video' }),
  createStream: (track) => new MediaStream([track]),
};

export function trackSink(platform: TrackPlatform = browserTrackPlatform): FrameSink {
  const video = platform.createVideo();
  Object.assign(video, { muted: true, playsInline: true, autoplay: true });
  video.className = 'tile-video';
  const generator = platform.createGenerator();
  const writer = generator.writable.getWriter();
  video.srcObject = platform.createStream(generator);
  let closed = false;
  return {
    kind: 'track',
    element: video,
    show(frame) {
      // A write the track has not taken yet means the page is behind: showing this frame
      // later would only add latency, so it is dropped (the next one is newer anyway).
      if (closed || (writer.desiredSize ?? 0) <= 0) {
        frame.close();
        return false;
      }
      // The generator closes a frame once its sinks have it; a refused write leaves it to us.
      writer.write(frame).catch(() => frame.close());
      return true;
    },
    close() {
      if (closed) return;
      closed = true;
      writer.close().catch(() => undefined);
      generator.stop();
      video.srcObject = null;
      video.remove();
    },
  };
}

export function canvasSink(canvas: HTMLCanvasElement): FrameSink {
  canvas.className = 'tile-video tile-canvas';
  // No picture until the first frame sizes it (a snapshot reads a 0-wide canvas as none).
  canvas.width = 0;
  canvas.height = 0;
  let closed = false;
  return {
    kind: 'canvas',
    element: canvas,
    show(frame) {
      try {
        if (closed) return false;
        const { displayWidth: width, displayHeight: height } = frame;
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
        }
        canvas.getContext('2d')?.drawImage(frame, 0, 0, width, height);
        return true;
      } finally {
        frame.close();
      }
    },
    close() {
      closed = true;
      canvas.remove();
    },
  };
}
