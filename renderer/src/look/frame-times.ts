// Which wall-clock time each player's <video> shows, looked up by the element: a snapshot
// starts from the picture on screen (live or replay) and asks its player when that frame came.
type FrameTime = (mediaTime?: number) => number | null;
const frameTimes = new WeakMap<HTMLVideoElement, FrameTime>();

export function registerFrameTime(video: HTMLVideoElement, frameTime: FrameTime): void {
  frameTimes.set(video, frameTime);
}

/**
 * Epoch ms when main received the frame at `mediaTime` of `video` (by default the one it
 * shows), or null when unknown.
 */
export function frameTimeOf(video: HTMLVideoElement, mediaTime?: number): number | null {
  return frameTimes.get(video)?.(mediaTime) ?? null;
}
