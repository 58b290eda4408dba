// First frame from page load, as `npm run bench` measures it (a fresh browser per load, every
// tile's first presented frame, the median over tiles), repeated and alternating contenders on
// the same running sources, so a change to the boot can be judged against the spread of single
// loads. Not part of `npm run bench`: a tool for the first-frame target.
//   npx tsx tests/bench/first-frame-repeat.ts [tiles=16] [loads=5] [contenders=ours,tuned]
import { BARCODE_PREFIX } from './bench-streams';
import { runBenchTool } from './bench-tool';
import { openContender, readAll } from './contender';
import type { Contender } from './results';
import { tileMetrics } from './run-metrics';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const tiles = Number(process.argv[2] ?? 16);
const loads = Number(process.argv[3] ?? 5);
const contenders = (process.argv[4] ?? 'ours,tuned').split(',') as Contender[];

runBenchTool(Math.max(20, tiles), async (streams) => {
  const results = new Map<Contender, { all: number[]; fromTile: number[] }>(
    contenders.map((c) => [c, { all: [], fromTile: [] }]),
  );
  for (let i = 0; i < loads; i++) {
    for (const contender of contenders) {
      const open = await openContender({
        contender,
        names: streams.names(tiles),
        streams,
        latencyEvery: 0,
      });
      const snaps = await readAll(open.pages);
      await open.close();
      const m = tileMetrics(snaps, snaps, tiles, BARCODE_PREFIX);
      const r = results.get(contender)!;
      r.all.push(Math.round(m.firstFrameMs.p50 ?? NaN));
      r.fromTile.push(Math.round(m.firstFrameFromTileMs.p50 ?? NaN));
      console.log(
        `load ${i + 1} ${contender}: first frame p50 ${Math.round(m.firstFrameMs.p50 ?? NaN)} ms from page load, ` +
          `${Math.round(m.firstFrameFromTileMs.p50 ?? NaN)} ms from the tile's <video>`,
      );
    }
  }
  console.log(`\n${tiles} tiles, ${loads} loads each, median of the per-load p50s:`);
  for (const [contender, r] of results) {
    console.log(
      `  ${contender.padEnd(10)} from page load ${median(r.all)} ms (${r.all.join(' ')}); ` +
        `from the tile's <video> ${median(r.fromTile)} ms`,
    );
  }
});
