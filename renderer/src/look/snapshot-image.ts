// Draws a snapshot: the frame on screen at the stream's own resolution (the decoded picture,
// not the tile's size), the band along its bottom edge, as PNG in base64 for main to save.
import { bandHeight } from './snapshot-band';

export async function snapshotPng(video: HTMLVideoElement, band: string): Promise<string> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(video, 0, 0, width, height);
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
