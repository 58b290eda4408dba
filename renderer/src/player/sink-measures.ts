// A WebCodecs tile's picture element answers the wall's measuring questions like an MSE video.
// A canvas answers the two questions the wall's measurements ask a <video>:
// getVideoPlaybackQuality() (frames decoded and dropped) and requestVideoFrameCallback() (tell
// me when the next frame is shown). So the benchmark's probe and the end-to-end checks read
// either engine's tiles the same way. The callback fires at the animation frame after the
// paint, with the display time estimated one 60 Hz refresh later, as a video's
// expectedDisplayTime is; nothing is scheduled while nobody asks.
import type { FeedCounters } from './webcodecs-engine';

const REFRESH_MS = 1000 / 60;

type FrameCallback = (
  now: number,
  metadata: { expectedDisplayTime: number; mediaTime: number; presentedFrames: number },
) => void;

export interface SinkMeasures {
  /** The feed whose counters the canvas reports (a recreated feed starts its own). */
  counting(counters: FeedCounters): void;
  /** A frame was drawn. */
  painted(): void;
}

export function exposeCanvasMeasures(
  canvas: HTMLCanvasElement,
  requestFrame?: (callback: (time: number) => void) => void,
): SinkMeasures {
  // Totals across recreated feeds: a video's counters also only grow while it lives.
  const totals = { decoded: 0, dropped: 0 };
  let current: FeedCounters = { decoded: 0, dropped: 0 };
  let waiting: FrameCallback[] = [];
  let presented = 0;
  const read = () => ({
    totalVideoFrames: totals.decoded + current.decoded + totals.dropped + current.dropped,
    droppedVideoFrames: totals.dropped + current.dropped,
    corruptedVideoFrames: 0,
    creationTime: performance.now(),
  });
  Object.assign(canvas, {
    getVideoPlaybackQuality: read,
    requestVideoFrameCallback(callback: FrameCallback): number {
      waiting.push(callback);
      return waiting.length;
    },
    cancelVideoFrameCallback(): void {},
  });
  return {
    counting(counters) {
      totals.decoded += current.decoded;
      totals.dropped += current.dropped;
      current = counters;
    },
    painted() {
      presented += 1;
      if (waiting.length === 0 || !requestFrame) return;
      const callbacks = waiting;
      waiting = [];
      const frames = presented;
      requestFrame((time) => {
        const metadata = {
          expectedDisplayTime: time + REFRESH_MS,
          mediaTime: frames / 1000,
          presentedFrames: frames,
        };
        for (const callback of callbacks) callback(time, metadata);
      });
    },
  };
}

/**
 * A track sink's <video> measures itself (frames it got, frames it could not show in time);
 * what the feed skipped before the decoder (the gate's drops to a keyframe, frames the track
 * was too busy to take) is added to both counts, so the video reads like an MSE video that
 * decoded and dropped them.
 */
export function exposeTrackMeasures(video: HTMLVideoElement): SinkMeasures {
  const own = video.getVideoPlaybackQuality.bind(video);
  const totals = { dropped: 0 };
  let current: FeedCounters = { decoded: 0, dropped: 0 };
  Object.assign(video, {
    getVideoPlaybackQuality: () => {
      const quality = own();
      const skipped = totals.dropped + current.dropped;
      return {
        totalVideoFrames: quality.totalVideoFrames + skipped,
        droppedVideoFrames: quality.droppedVideoFrames + skipped,
        corruptedVideoFrames: quality.corruptedVideoFrames,
        creationTime: quality.creationTime,
      };
    },
  });
  return {
    counting(counters) {
      totals.dropped += current.dropped;
      current = counters;
    },
    painted() {},
  };
}
