// A node:http server that streams one live ffmpeg encode (testsrc2 → H.264 → MPEG-TS on
// stdout) to every client, as SRS or ZLMediaKit serve …/live/cam.ts: clients join mid-stream,
// mid-packet, and must find sync, PAT/PMT and an IDR themselves. Other modes answer the way
// broken or misconfigured gateways do.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type LiveMode = 'live' | 'html' | 'noise';
export const WIDTH = 320;
export const HEIGHT = 240;
export const TOKEN = 'tok-ts-123';

export interface LiveTsServer {
  base: string;
  setMode(mode: LiveMode): void;
  stop(): Promise<void>;
}

export async function startLiveTsServer(): Promise<LiveTsServer> {
  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi'],
      ...['-i', `testsrc2=size=${WIDTH}x${HEIGHT}:rate=25`],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-bf', '2', '-g', '25'],
      ...['-f', 'mpegts', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const clients = new Set<http.ServerResponse>();
  ffmpeg.stdout!.on('data', (chunk: Buffer) => {
    for (const res of clients) res.write(chunk);
  });
  let mode: LiveMode = 'live';

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end('Unauthorized');
    } else if (path !== '/live/cam.ts') {
      res.writeHead(404).end('Not Found');
    } else if (mode === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>');
    } else if (mode === 'noise') {
      // Random bytes for as long as the client listens, like a wrong port on a busy box.
      res.writeHead(200, { 'Content-Type': 'video/mp2t' });
      const timer = setInterval(() => res.write(randomBytes(8192)), 5);
      res.on('close', () => clearInterval(timer));
    } else {
      res.writeHead(200, { 'Content-Type': 'video/mp2t' });
      clients.add(res);
      res.on('close', () => clients.delete(res));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    base: `http://127.0.0.1:${port}`,
    setMode: (next) => (mode = next),
    stop: async () => {
      ffmpeg.kill('SIGKILL');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs ffprobe on bytes given on stdin; returns its JSON view of the first video stream. */
export function ffprobeStdin(bytes: Uint8Array, format: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffprobe', [
      ...['-v', 'error', '-f', format, '-count_frames', '-select_streams', 'v:0'],
      ...['-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', '-'],
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ffprobe exited ${code}: ${err}`));
      const streams = (JSON.parse(out) as { streams?: Array<Record<string, unknown>> }).streams;
      resolve(streams?.[0] ?? {});
    });
    child.stdin.on('error', () => {}); // ffprobe may stop reading early; its exit code says
    child.stdin.end(Buffer.from(bytes));
  });
}
