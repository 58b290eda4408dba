// Same-sitting comparison of RTSP → FLV cost: the benchmark's RTSP cost part (rtsp-cost.ts,
// ours against ffmpeg -c copy on the same GStreamer source) for this checkout and, optionally,
// another one (the code before a change), alternating, each repeated. On a shared machine only
// ratios measured in one run mean anything; alternating spreads the load's drift over both.
// Not part of `npm run bench`.
//   npx tsx tests/bench/rtsp-compare.ts [--streams 8] [--seconds 10] [--runs 3]
//     [--path source|wall|watch] [--before /path/to/other/checkout]
import { join } from 'node:path';
import { installSignalHandlers } from './cleanup';
import { runRtspCost } from './rtsp-cost';

const arg = (flag: string, fallback: string) =>
  process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1]! : fallback;

async function main(): Promise<void> {
  installSignalHandlers();
  const streams = Number(arg('--streams', '8'));
  const windowMs = Number(arg('--seconds', '10')) * 1000;
  const runs = Number(arg('--runs', '3'));
  const path = arg('--path', 'source') as 'source' | 'wall' | 'watch';
  const before = process.argv.includes('--before') ? arg('--before', '') : null;
  const versions: [string, string | undefined][] = before
    ? [
        ['before', join(before, 'tests/bench/rtsp-process.ts')],
        ['after', undefined],
      ]
    : [['this', undefined]];
  console.log(`${streams} streams, ${windowMs / 1000} s windows, path ${path}`);
  console.log('run      version  ours %/stream  ffmpeg %/stream  ratio  live  notes');
  for (let run = 1; run <= runs; run++) {
    for (const [name, script] of run % 2 === 0 ? [...versions].reverse() : versions) {
      const options = { path, ...(script ? { processScript: script } : {}) };
      // A loaded machine sometimes starves a whole start-up: one more try, then say so.
      const r = await runRtspCost(streams, windowMs, options).catch((first: unknown) => {
        console.log(`${String(run).padEnd(8)} ${name.padEnd(8)} retrying: ${String(first)}`);
        return runRtspCost(streams, windowMs, options).catch((err: unknown) => String(err));
      });
      if (typeof r === 'string') {
        console.log(`${String(run).padEnd(8)} ${name.padEnd(8)} not measured: ${r}`);
        continue;
      }
      console.log(
        `${String(run).padEnd(8)} ${name.padEnd(8)} ${r.oursCpuPctPerStream.toFixed(3).padStart(13)}  ${r.ffmpegCpuPctPerStream.toFixed(3).padStart(15)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.oursLiveStreams.toFixed(1).padStart(4)}  ${r.notes.join('; ')}`,
      );
    }
  }
}

await main();
