// CPU profile of our RTSP → FLV path: N of our RTSP sources (rtsp-process.ts, the process the
// benchmark measures) pulling the GStreamer fixture under `node --cpu-prof` for a window, then
// the profile's top functions by self time, and the process's CPU per stream from /proc.
// Not part of `npm run bench`: a tool for finding hot spots.
//   npx tsx tests/bench/rtsp-profile.ts [streams=16] [seconds=30] [--no-prof]
// With --no-prof it only prints the process's CPU in consecutive 10 s windows (the profiler's
// own sampling costs more than the path it measures).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startRtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { cleanUp, killAndWait, spawnTracked } from './cleanup';
import { sleep } from './contender';
import { topFunctions, type CpuProfile } from './cpu-profile-top';
import { startPidsWindow } from './proc-stats';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 16);
  const seconds = Number(process.argv[3] ?? 30);
  const profiling = !process.argv.includes('--no-prof');
  const server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  const dir = mkdtempSync(join(tmpdir(), 'rtsp-prof-'));
  try {
    const child = spawnTracked(
      process.execPath,
      [
        ...(profiling ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${dir}`] : []),
        '--import',
        'tsx',
        join(import.meta.dirname, 'rtsp-process.ts'),
        JSON.stringify({ url: server.url('/cam1'), username: 'admin', password: 'secret', count }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const live = new Set<number>();
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error('the RTSP process exited')));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return;
        const msg = JSON.parse(line) as { idle?: true; ready?: true; video?: number };
        if (msg.idle) child.stdin!.write('start\n');
        if (msg.video !== undefined) live.add(msg.video);
        if (msg.ready) resolve();
      });
    });
    await sleep(2_000);
    const window = startPidsWindow(() => [child.pid!]);
    for (let t = 0; !profiling && t < seconds; t += 10) {
      const part = startPidsWindow(() => [child.pid!]);
      await sleep(10_000);
      console.log(`  ${t}-${t + 10} s: ${part.stop().cpuPct.toFixed(2)} % of a core`);
    }
    if (profiling) await sleep(seconds * 1000);
    const usage = window.stop();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    await killAndWait(child);
    console.log(
      `${live.size} streams, ${seconds} s: ${usage.cpuPct.toFixed(2)} % of a core, ${(usage.cpuPct / Math.max(1, live.size)).toFixed(3)} % per stream`,
    );
    if (!profiling) return;
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    for (const f of topFunctions(profile, 25))
      console.log(`${f.pct.toFixed(1).padStart(5)} %  ${f.name}`);
    console.log(`profile: ${join(dir, file)}`);
  } finally {
    await server.kill();
    await cleanUp();
  }
}

await main();
