// Draws a snapshot: the frame on screen at the stream's own resolution (the decoded picture,
// not the tile's size), the band along its bottom edge, as PNG in base64 for main to save.
import { bandHeight } from './snapshot-band';

/** A frame that does not come within this long (a paused or frozen video): the one shown. */
const FRAME_WAIT_MS = 500;

export interface CapturedFrame {
  canvas: HTMLCanvasElement;
  /** The media time of the very frame drawn; none for a canvas, which holds one frame only. */
  mediaTime?: number;
}

/**
 * A copy of a WebCodecs tile's canvas. The feed sizes it to each decoded frame and paints whole
 * frames between tasks, so it holds exactly the picture on screen at the stream's resolution;
 * its player's frame time is that picture's.
 */
export function captureCanvas(source: HTMLCanvasElement): CapturedFrame {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  canvas.getContext('2d')?.drawImage(source, 0, 0);
  return { canvas };
}

/**
 * Draws the next frame the video presents, inside its frame callback: the picture and its
 * media time are then the same frame (drawing "now" may catch a newer frame than the last
 * callback reported, and the time would be off by it).
 */
export function captureFrame(video: HTMLVideoElement): Promise<CapturedFrame> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const draw = (mediaTime: number): CapturedFrame => {
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return { canvas, mediaTime };
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      video.cancelVideoFrameCallback(handle);
      resolve(draw(video.currentTime));
    }, FRAME_WAIT_MS);
    const handle = video.requestVideoFrameCallback((_now, frame) => {
      clearTimeout(timer);
      resolve(draw(frame.mediaTime));
    });
  });
}

/** The captured frame with its band burned in, as PNG in base64. */
export async function snapshotPng(frame: CapturedFrame, band: string): Promise<string> {
  const { canvas } = frame;
  const { width, height } = canvas;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const strip = bandHeight(height);
  context.fillStyle = 'rgba(0, 0, 0, 0.72)';
  context.fillRect(0, height - strip, width, strip);
  const pad = Math.round(strip * 0.4);
  let size = Math.round(strip * 0.62);
  context.font = `600 ${size}px "Segoe UI", "Noto Sans", Arial, sans-serif`;
  // A long centre name on a small picture: smaller letters rather than cut words.
  const room = width - 2 * pad;
  const measured = context.measureText(band).width;
  if (measured > room) {
    size = Math.max(8, Math.floor((size * room) / measured));
    context.font = `600 ${size}px "Segoe UI", "Noto Sans", Arial, sans-serif`;
  }
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.fillText(band, pad, height - strip / 2);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}
