// Which wall-clock time each player's <video> shows, looked up by the element: a snapshot
// starts from the picture on screen (live or replay) and asks its player when that frame came.
const frameTimes = new WeakMap<HTMLVideoElement, () => number | null>();

export function registerFrameTime(video: HTMLVideoElement, frameTime: () => number | null): void {
  frameTimes.set(video, frameTime);
}

/** Epoch ms when main received the frame `video` shows, or null when unknown. */
export function frameTimeOf(video: HTMLVideoElement): number | null {
  return frameTimes.get(video)?.() ?? null;
}
