// The words burned into a snapshot's band: the centre, the camera, and the frame's own date and
// time to the second (the file itself keeps the milliseconds). Numeric, so one form reads in
// both languages: 30/11/2026 14:02:10.

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:02:10": a replayed frame's time, and the band's time. */
export function clockTime(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function snapshotBand(centre: string, camera: string, at: Date): string {
  const date = `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`;
  return `${centre} · ${camera} · ${date} ${clockTime(at)}`;
}

/** The band's height for a picture: readable when printed, small beside the picture. */
export function bandHeight(pictureHeight: number): number {
  return Math.max(20, Math.round(pictureHeight * 0.06));
}
