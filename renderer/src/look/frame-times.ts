// Which wall-clock time each player's picture shows, looked up by its element (a <video>, or a
// WebCodecs tile's <canvas>): a snapshot starts from the picture on screen (live or replay) and
// asks its player when that frame came.
type FrameTime = (mediaTime?: number) => number | null;
export type PictureElement = HTMLVideoElement | HTMLCanvasElement;
const frameTimes = new WeakMap<PictureElement, FrameTime>();

export function registerFrameTime(element: PictureElement, frameTime: FrameTime): void {
  frameTimes.set(element, frameTime);
}

/**
 * Epoch ms when main received the frame at `mediaTime` of `element` (by default the one it
 * shows), or null when unknown.
 */
export function frameTimeOf(element: PictureElement, mediaTime?: number): number | null {
  return frameTimes.get(element)?.(mediaTime) ?? null;
}
