// Main-process cost per relayed stream: N sessions through our broker and gateway (a child
// process running relay-process.ts) to N WebSocket clients in this process, with no browser.
// Sources are pre-encoded clips looped with `-c copy`: 640x360 at ~1 Mbit/s (a sub stream) and
// 1280x720 at ~4 Mbit/s (a main stream), noise added so x264 really spends the bits.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { PROJECT_ROOT, startMediaServer } from '../fixtures/media-server/media-server';
import { killAndWait, onCleanup, spawnTracked } from './cleanup';
import { sleep, waitFor } from './contender';
import { startPidsWindow } from './proc-stats';

export interface RelayResult {
  label: string;
  streams: number;
  /** Measured at the clients. */
  mbitPerStream: number;
  idleCpuPct: number;
  totalCpuPct: number;
  cpuPctPerStream: number;
  idleMemMb: number;
  memMbPerStream: number;
}

export interface RelayClip {
  label: string;
  size: string;
  bitrate: string;
}

const CLIPS: RelayClip[] = [
  { label: '1 Mbit/s 640x360', size: '640x360', bitrate: '1M' },
  { label: '4 Mbit/s 1280x720', size: '1280x720', bitrate: '4M' },
];

function ensureClip(size: string, bitrate: string): string {
  const dir = join(PROJECT_ROOT, '.tmp', 'bench-clips');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `noise-${size}-${bitrate}.flv`);
  if (existsSync(file)) return file;
  const result = spawnSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=25`,
    '-vf',
    'noise=alls=12:allf=t',
    '-t',
    '12',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '50',
    '-b:v',
    bitrate,
    '-minrate',
    bitrate,
    '-maxrate',
    bitrate,
    '-bufsize',
    bitrate,
    '-x264-params',
    'nal-hrd=cbr',
    '-pix_fmt',
    'yuv420p',
    '-y',
    file,
  ]);
  if (result.status !== 0) throw new Error(`could not encode ${file}: ${result.stderr.toString()}`);
  return file;
}

/** The 1 Mbit/s source first (the one with a target); quick mode measures only that one. */
export function relayClips(quick: boolean): RelayClip[] {
  return quick ? CLIPS.slice(0, 1) : CLIPS;
}

/** One clip's cost; each clip is its own part of the run (retried once, run-bench.ts). */
export async function runRelayClip(
  clip: RelayClip,
  count: number,
  windowMs: number,
): Promise<RelayResult> {
  // A media server of its own, so these publishers stop with it; everything this part opened
  // is closed in the finally blocks, so a retry starts clean.
  const server = await startMediaServer();
  const stopServer = onCleanup(() => server.close());
  try {
    const file = ensureClip(clip.size, clip.bitrate);
    const names = Array.from({ length: count }, (_, i) => `relay${clip.bitrate}-${i + 1}`);
    for (const name of names) server.publish(name, file);
    const child = spawnTracked(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'relay-process.ts'),
        JSON.stringify({
          secret: server.secret,
          streams: Object.fromEntries(names.map((n) => [n, server.wsFlvUrl(n)])),
        }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const stopChild = onCleanup(() => killAndWait(child));
    const sockets: WebSocket[] = [];
    try {
      const ready = await new Promise<{ base: string; origin: string }>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (l) => resolve(JSON.parse(l)));
        child.once('exit', () => reject(new Error('the relay process exited')));
      });
      await sleep(1_000);
      const idle = startPidsWindow(() => [child.pid!]);
      await sleep(2_000);
      const idleUsage = idle.stop();
      const bytes = new Map<string, number>();
      for (const name of names) {
        const ws = new WebSocket(`${ready.base}/${name}/sub.flv`, {
          headers: { Origin: ready.origin },
          perMessageDeflate: false,
        });
        ws.on('message', (d: Buffer) => bytes.set(name, (bytes.get(name) ?? 0) + d.length));
        ws.on('error', () => undefined);
        sockets.push(ws);
      }
      const flowing = await waitFor(
        'relayed streams to flow',
        async () => bytes.size === count,
        20_000,
      );
      if (!flowing && bytes.size === 0) throw new Error('no relayed stream flowed within 20 s');
      // Divide by the streams that flow, so one stream that never started does not skew it.
      const streams = bytes.size;
      await sleep(1_000);
      const before = [...bytes.values()].reduce((a, b) => a + b, 0);
      const active = startPidsWindow(() => [child.pid!]);
      await sleep(windowMs);
      const usage = active.stop();
      const after = [...bytes.values()].reduce((a, b) => a + b, 0);
      return {
        label: clip.label,
        streams,
        mbitPerStream: ((after - before) * 8) / (windowMs / 1000) / 1e6 / streams,
        idleCpuPct: idleUsage.cpuPct,
        totalCpuPct: usage.cpuPct,
        cpuPctPerStream: Math.max(0, usage.cpuPct - idleUsage.cpuPct) / streams,
        idleMemMb: idleUsage.memMb,
        memMbPerStream: Math.max(0, usage.memMb - idleUsage.memMb) / streams,
      };
    } finally {
      for (const ws of sockets) ws.terminate();
      await stopChild();
    }
  } finally {
    await stopServer();
  }
}
