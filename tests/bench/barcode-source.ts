// The live source for glass-to-glass latency: ONE ffmpeg encode of testsrc2 640x360@25 with
// the wall-clock barcode (see barcode.ts), published under several stream names through the
// tee muxer. One encode, because 16–25 live x264 encodes would saturate a 2-core machine and
// measure the encoders instead of the players. Supervised like the fixture's publishers: NMS
// drops publishers when it restarts, and a camera would push again.
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { barcodeFilterGraph, decodeBarcodeRgba } from './barcode';
import { killAndWait, onCleanup, spawnTracked } from './cleanup';

export const BARCODE_WIDTH = 640;
export const BARCODE_HEIGHT = 360;
export const BARCODE_FPS = 25;

function encoderArgs(bitrate: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${BARCODE_WIDTH}x${BARCODE_HEIGHT}:rate=${BARCODE_FPS}`,
    '-filter_complex',
    barcodeFilterGraph(BARCODE_WIDTH, BARCODE_FPS),
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-tune',
    'zerolatency',
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '50',
    '-b:v',
    bitrate,
    '-maxrate',
    bitrate,
    '-bufsize',
    bitrate,
  ];
}

export interface BarcodeSource {
  names: string[];
  /** The encoder's pid (for CPU accounting), or null while it restarts. */
  pid(): number | null;
  close(): Promise<void>;
}

export function startBarcodeSource(rtmpPort: number, names: string[]): BarcodeSource {
  let child: ChildProcess | null = null;
  let closing = false;
  let timer: NodeJS.Timeout | undefined;
  const outputs = names
    .map((name) => `[f=flv]rtmp\\://127.0.0.1\\:${rtmpPort}/live/${name}`)
    .join('|');
  const run = () => {
    if (closing) return;
    // global_header: the tee muxer does not ask for it, and FLV needs the avcC up front.
    const args = [...encoderArgs('1M'), '-flags:v', '+global_header', '-f', 'tee', outputs];
    const proc = spawnTracked('ffmpeg', args, { stdio: ['ignore', 'ignore', 'ignore'] });
    child = proc;
    proc.once('exit', () => {
      child = null;
      if (!closing) timer = setTimeout(run, 500);
    });
  };
  run();
  const release = onCleanup(async () => {
    closing = true;
    clearTimeout(timer);
    if (child) await killAndWait(child);
  });
  return { names, pid: () => child?.pid ?? null, close: release };
}

/**
 * Checks the barcode end to end before any measurement: encode one frame with the same filter
 * and encoder settings, decode it back to pixels, and read it with the page's decoder. The
 * value must be the wall clock at the encode, so a layout mistake shows here and not as
 * nonsense latencies. Returns the error, or null when it reads right.
 */
export function validateBarcodeDecoder(): string | null {
  const before = Date.now();
  const encode = spawnSync(
    'sh',
    [
      '-c',
      `ffmpeg ${encoderArgs('1M')
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ')} -frames:v 3 -f h264 - | ffmpeg -hide_banner -loglevel error -f h264 -i - ` +
        `-frames:v 1 -f rawvideo -pix_fmt rgba -`,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const after = Date.now();
  const rgba = encode.stdout;
  if (encode.status !== 0 || rgba.length < BARCODE_WIDTH * 16 * 4) {
    return `ffmpeg could not make a test frame: ${encode.stderr.toString().slice(-300)}`;
  }
  const value = decodeBarcodeRgba(rgba, BARCODE_WIDTH);
  if (value === null) return 'the barcode checksum failed on a clean frame';
  const lo = before % 2 ** 32;
  const hi = after % 2 ** 32;
  if (value < lo - 50 || value > hi + 50) {
    return `decoded ${value}, expected a clock value between ${lo} and ${hi}`;
  }
  return null;
}
