// CPU and allocation profile of our RTSP → FLV path: N of our RTSP sources (rtsp-process.ts,
// the process the benchmark measures) pulling the GStreamer fixture, profiled over a window
// once every stream plays (the inspector's CPU profiler and sampling heap profiler, so module
// loading at start-up is not in it), then the top functions by self time and by bytes
// allocated, and the process's CPU per stream from /proc.
// Not part of `npm run bench`: a tool for finding hot spots.
//   npx tsx tests/bench/rtsp-profile.ts [streams=16] [seconds=30] [--no-prof] [--path wall]
// `--path wall` (or `watch`) profiles the wall's path behind the sources (rtsp-wall-path.ts).
// With --trace-gc it prints the process's garbage collections. With --no-prof it only prints the process's CPU in consecutive 10 s windows (the profiler's
// own sampling costs more than the path it measures).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startRtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { cleanUp, killAndWait, spawnTracked } from './cleanup';
import { sleep } from './contender';
import { topAllocations, topFunctions, type CpuProfile, type HeapProfile } from './cpu-profile-top';
import { startPidsWindow } from './proc-stats';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 16);
  const seconds = Number(process.argv[3] ?? 30);
  const profiling = !process.argv.includes('--no-prof');
  const path = process.argv.includes('--path')
    ? process.argv[process.argv.indexOf('--path') + 1]
    : 'source';
  // --trace-gc: the process's garbage collections, printed as they happen.
  const traceGc = process.argv.includes('--trace-gc');
  const server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  const prefix = join(mkdtempSync(join(tmpdir(), 'rtsp-prof-')), 'window');
  try {
    const child = spawnTracked(
      process.execPath,
      [
        ...(traceGc ? ['--trace-gc'] : []),
        '--import',
        'tsx',
        join(import.meta.dirname, 'rtsp-process.ts'),
        JSON.stringify({
          url: server.url('/cam1'),
          username: 'admin',
          password: 'secret',
          count,
          path,
        }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const live = new Set<number>();
    let profiled: () => void = () => {};
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error('the RTSP process exited')));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) {
          // What the process prints besides its messages (--trace-gc in NODE_OPTIONS).
          if (traceGc) console.error(`  process: ${line}`);
          return;
        }
        const msg = JSON.parse(line) as {
          idle?: true;
          ready?: true;
          video?: number;
          profiled?: string;
        };
        if (msg.idle) child.stdin!.write('start\n');
        if (msg.video !== undefined) live.add(msg.video);
        if (msg.ready) resolve();
        if (msg.profiled) profiled();
      });
    });
    await sleep(2_000);
    const window = startPidsWindow(() => [child.pid!]);
    for (let t = 0; !profiling && t < seconds; t += 10) {
      const part = startPidsWindow(() => [child.pid!]);
      await sleep(10_000);
      console.log(`  ${t}-${t + 10} s: ${part.stop().cpuPct.toFixed(2)} % of a core`);
    }
    if (profiling) {
      child.stdin!.write('profile-start\n');
      await sleep(seconds * 1000);
      await new Promise<void>((resolve) => {
        profiled = resolve;
        child.stdin!.write(`profile-stop ${prefix}\n`);
      });
    }
    const usage = window.stop();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    await killAndWait(child);
    console.log(
      `${live.size} streams, ${seconds} s: ${usage.cpuPct.toFixed(2)} % of a core, ${(usage.cpuPct / Math.max(1, live.size)).toFixed(3)} % per stream`,
    );
    if (!profiling) return;
    const profile = JSON.parse(readFileSync(`${prefix}.cpuprofile`, 'utf8')) as CpuProfile;
    // Shares of all samples, and of the samples where the thread was not idle.
    const top = topFunctions(profile, 30);
    const idle = top.find((f) => f.name === '(idle)')?.pct ?? 0;
    console.log('  all %  busy %  function (self time)');
    for (const f of top) {
      const busy = f.name === '(idle)' ? '' : ((100 * f.pct) / (100 - idle)).toFixed(1);
      console.log(`${f.pct.toFixed(2).padStart(7)}  ${busy.padStart(6)}  ${f.name}`);
    }
    const heap = JSON.parse(readFileSync(`${prefix}.heapprofile`, 'utf8')) as HeapProfile;
    console.log(`\n   KiB/s  share  function (bytes allocated, sampled)`);
    for (const a of topAllocations(heap, 20)) {
      const rate = a.bytes / 1024 / seconds;
      console.log(`${rate.toFixed(1).padStart(8)}  ${a.pct.toFixed(1).padStart(5)}  ${a.name}`);
    }
    console.log(`profiles: ${prefix}.cpuprofile, ${prefix}.heapprofile`);
  } finally {
    await server.kill();
    await cleanUp();
  }
}

await main();
