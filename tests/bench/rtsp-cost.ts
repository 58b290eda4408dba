// RTSP → FLV cost per stream: N of our RTSP sources in one Node process against N
// `ffmpeg -rtsp_transport tcp -i … -c copy -f flv -` (output to /dev/null), on the same
// GStreamer RTSP server (Digest auth, one shared encode), measured in turn. One stream that
// resets its connection (ECONNRESET on a loaded machine) must not void the part: our sources
// reconnect (rtsp-process.ts), an ffmpeg that exits is started once more, and the cost is divided
// by the streams actually flowing during the window, with a note saying what happened.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { killAndWait, onCleanup, spawnTracked } from './cleanup';
import { sleep } from './contender';
import { startPidsWindow } from './proc-stats';

export interface RtspResult {
  /** Streams asked for; the per-stream numbers divide by the streams that were flowing. */
  streams: number;
  /** Our streams delivering video, averaged over the window. */
  oursLiveStreams: number;
  ffmpegLiveStreams: number;
  /** Whole process, idle Node included, divided by the streams. */
  oursCpuPctPerStream: number;
  /** The same Node process before any source started (the main process exists anyway). */
  oursIdleCpuPct: number;
  ffmpegCpuPctPerStream: number;
  oursMemMbPerStream: number;
  ffmpegMemMbPerStream: number;
  ratio: number;
  /** Reconnects, streams measured without, ffmpeg restarts. */
  notes: string[];
}

const SOURCE = join(PROJECT_ROOT, 'electron/streams/protocols/rtsp/rtsp-source.ts');
const SERVER = join(PROJECT_ROOT, 'tests/fixtures/rtsp-server/start-rtsp-server.ts');

type Msg = {
  idle?: true;
  video?: number;
  ended?: number;
  error?: string;
  gaveUp?: number;
  ready?: true;
};

export interface RtspCostOptions {
  /** What runs behind each source (rtsp-process.ts): the FLV writer alone, or the wall's path. */
  path?: 'source' | 'wall' | 'watch';
  /** Another checkout's rtsp-process.ts, to compare code versions in one sitting. */
  processScript?: string;
}

export async function runRtspCost(
  count: number,
  windowMs: number,
  options: RtspCostOptions = {},
): Promise<RtspResult> {
  if (!existsSync(SOURCE) || !existsSync(SERVER)) {
    throw new Error('rtsp-source.ts or the RTSP server fixture is missing');
  }
  const { startRtspServer } = await import('../fixtures/rtsp-server/start-rtsp-server');
  const server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  const stopServer = onCleanup(() => server.kill());
  const notes: string[] = [];
  try {
    const child = spawnTracked(
      process.execPath,
      [
        '--import',
        'tsx',
        options.processScript ?? join(import.meta.dirname, 'rtsp-process.ts'),
        JSON.stringify({
          url: server.url('/cam1'),
          username: 'admin',
          password: 'secret',
          count,
          path: options.path ?? 'source',
        }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const live = new Set<number>();
    let idleUsage = { cpuPct: 0, memMb: 0, processes: 0 };
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready line within 40 s')), 40_000);
      child.once('exit', () => reject(new Error('our RTSP process exited')));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let msg: Msg;
        try {
          msg = JSON.parse(line) as Msg;
        } catch {
          return; // not one of ours (a library printing to stdout)
        }
        if (msg.idle) {
          void (async () => {
            await sleep(1_000);
            const idle = startPidsWindow(() => [child.pid!]);
            await sleep(2_000);
            idleUsage = idle.stop();
            child.stdin!.write('start\n');
          })();
        }
        if (msg.video !== undefined) live.add(msg.video);
        if (msg.ended !== undefined) {
          live.delete(msg.ended);
          notes.push(`ours: stream ${msg.ended + 1} ended (${msg.error}), reconnecting`);
        }
        if (msg.gaveUp !== undefined) notes.push(`ours: stream ${msg.gaveUp + 1} gave up`);
        if (msg.ready) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    try {
      await ready;
      if (live.size === 0) throw new Error('none of our RTSP sources delivered video');
      await sleep(2_000);
      const liveSamples: number[] = [];
      const sampler = setInterval(() => liveSamples.push(live.size), 250);
      const ours = startPidsWindow(() => [child.pid!]);
      await sleep(windowMs);
      const oursUsage = ours.stop();
      clearInterval(sampler);
      const oursLive = liveSamples.reduce((a, b) => a + b, 0) / Math.max(1, liveSamples.length);
      if (oursLive < count)
        notes.push(`ours: ${oursLive.toFixed(1)} of ${count} streams flowing on average`);
      const theirs = await measureFfmpeg(
        server.url('/cam1', { user: 'admin', password: 'secret' }),
        count,
        windowMs,
        notes,
      );
      const oursPer = oursUsage.cpuPct / Math.max(oursLive, 1e-9);
      return {
        streams: count,
        oursLiveStreams: oursLive,
        ffmpegLiveStreams: theirs.processes,
        oursCpuPctPerStream: oursPer,
        oursIdleCpuPct: idleUsage.cpuPct,
        ffmpegCpuPctPerStream: theirs.cpuPct / theirs.processes,
        oursMemMbPerStream: oursUsage.memMb / Math.max(oursLive, 1e-9),
        ffmpegMemMbPerStream: theirs.memMb / theirs.processes,
        ratio: theirs.cpuPct > 0 ? oursPer / (theirs.cpuPct / theirs.processes) : Number.NaN,
        notes,
      };
    } finally {
      await killAndWait(child);
    }
  } finally {
    await stopServer();
  }
}

function spawnFfmpeg(url: string): ChildProcess {
  return spawnTracked(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-rtsp_transport',
      'tcp',
      '-i',
      url,
      '-c',
      'copy',
      '-f',
      'flv',
      '-',
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
}

/** N ffmpeg clients; one that exits during start-up is started once more, and the window
 * measures those still running (processes: how many the numbers cover). */
async function measureFfmpeg(url: string, count: number, windowMs: number, notes: string[]) {
  const clients = Array.from({ length: count }, () => spawnFfmpeg(url));
  try {
    await sleep(4_000); // past ffmpeg's stream probing
    const exited = clients.filter((c) => c.exitCode !== null || c.signalCode !== null);
    if (exited.length > 0) {
      notes.push(`ffmpeg: ${exited.length} client(s) exited during start-up, started once more`);
      for (const c of exited) clients[clients.indexOf(c)] = spawnFfmpeg(url);
      await sleep(4_000);
    }
    const running = () => clients.filter((c) => c.exitCode === null && c.signalCode === null);
    if (running().length === 0) throw new Error('every ffmpeg client exited');
    const window = startPidsWindow(() => running().map((c) => c.pid!));
    await sleep(windowMs);
    const usage = window.stop();
    if (usage.processes < count)
      notes.push(`ffmpeg: measured on ${usage.processes} of ${count} clients`);
    if (usage.processes === 0) throw new Error('every ffmpeg client exited during the window');
    return usage;
  } finally {
    await Promise.all(clients.map((c) => killAndWait(c)));
  }
}
