// RTSP → FLV cost per stream: N of our RTSP sources in one Node process against N
// `ffmpeg -rtsp_transport tcp -i … -c copy -f flv -` (output to /dev/null), on the same
// GStreamer RTSP server (Digest auth, one shared encode), measured in turn.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { killAndWait, onCleanup, spawnTracked } from './cleanup';
import { sleep } from './contender';
import { startPidsWindow } from './proc-stats';

export type RtspResult =
  | {
      measured: true;
      streams: number;
      /** Whole process, idle Node included, divided by the streams. */
      oursCpuPctPerStream: number;
      /** The same Node process before any source started (the main process exists anyway). */
      oursIdleCpuPct: number;
      ffmpegCpuPctPerStream: number;
      oursMemMbPerStream: number;
      ffmpegMemMbPerStream: number;
      ratio: number;
    }
  | { measured: false; why: string };

const SOURCE = join(PROJECT_ROOT, 'electron/streams/protocols/rtsp/rtsp-source.ts');
const SERVER = join(PROJECT_ROOT, 'tests/fixtures/rtsp-server/start-rtsp-server.ts');

export async function runRtspCost(count: number, windowMs: number): Promise<RtspResult> {
  if (!existsSync(SOURCE) || !existsSync(SERVER)) {
    return { measured: false, why: 'rtsp-source.ts or the RTSP server fixture is missing' };
  }
  let server;
  try {
    const { startRtspServer } = await import('../fixtures/rtsp-server/start-rtsp-server');
    server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  } catch (error) {
    return { measured: false, why: `the RTSP server did not start: ${(error as Error).message}` };
  }
  const stopServer = onCleanup(() => server.kill());
  try {
    const url = server.url('/cam1');
    const child = spawnTracked(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'rtsp-process.ts'),
        JSON.stringify({ url, username: 'admin', password: 'secret', count }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let idleUsage = { cpuPct: 0, memMb: 0, processes: 0 };
    const ready = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve('no video from every source within 30 s'), 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const msg = JSON.parse(line) as { ready?: boolean; error?: string; idle?: boolean };
        if (msg.idle) {
          void (async () => {
            await sleep(1_000);
            const idle = startPidsWindow(() => [child.pid!]);
            await sleep(2_000);
            idleUsage = idle.stop();
            child.stdin!.write('start\n');
          })();
        }
        if (msg.ready || msg.error) clearTimeout(timer);
        if (msg.ready) resolve(null);
        if (msg.error) resolve(`our RTSP source failed: ${msg.error}`);
      });
    });
    if (ready !== null) {
      await killAndWait(child);
      return { measured: false, why: ready };
    }
    await sleep(2_000);
    const ours = startPidsWindow(() => [child.pid!]);
    await sleep(windowMs);
    const oursUsage = ours.stop();
    await killAndWait(child);

    const credentialed = server.url('/cam1', { user: 'admin', password: 'secret' });
    const ffmpegs = Array.from({ length: count }, () =>
      spawnTracked(
        'ffmpeg',
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-rtsp_transport',
          'tcp',
          '-i',
          credentialed,
          '-c',
          'copy',
          '-f',
          'flv',
          '-',
        ],
        { stdio: ['ignore', 'ignore', 'ignore'] },
      ),
    );
    await sleep(4_000); // past ffmpeg's stream probing
    const alive = ffmpegs.filter((f) => f.exitCode === null);
    if (alive.length < count) {
      await Promise.all(ffmpegs.map((f) => killAndWait(f)));
      return { measured: false, why: `${count - alive.length} ffmpeg clients exited early` };
    }
    const theirs = startPidsWindow(() => ffmpegs.map((f) => f.pid!));
    await sleep(windowMs);
    const theirUsage = theirs.stop();
    await Promise.all(ffmpegs.map((f) => killAndWait(f)));
    const oursPer = oursUsage.cpuPct / count;
    const theirsPer = theirUsage.cpuPct / count;
    return {
      measured: true,
      streams: count,
      oursCpuPctPerStream: oursPer,
      oursIdleCpuPct: idleUsage.cpuPct,
      ffmpegCpuPctPerStream: theirsPer,
      oursMemMbPerStream: oursUsage.memMb / count,
      ffmpegMemMbPerStream: theirUsage.memMb / count,
      ratio: theirsPer > 0 ? oursPer / theirsPer : Number.NaN,
    };
  } finally {
    await stopServer();
  }
}
