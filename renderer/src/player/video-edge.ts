// Where a <video>'s buffered stream ends (the live edge), and moving its play position there.

export function bufferedEnd(video: HTMLVideoElement): number | null {
  const { buffered } = video;
  return buffered.length > 0 ? buffered.end(buffered.length - 1) : null;
}

/** Seeks to just before the live edge when the picture is more than `behindS` behind it. */
export function seekNearEdge(video: HTMLVideoElement, behindS: number): void {
  const end = bufferedEnd(video);
  if (end !== null && end - video.currentTime > behindS) video.currentTime = Math.max(0, end - 0.1);
}
