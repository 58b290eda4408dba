// Where the browser's CPU goes, by process type and thread name, for several contenders at one
// tile count in one run: Chromium names its threads (CrRendererMain: the page's JavaScript and
// layout; Compositor and CompositorTileW: the page's compositing and raster; VizCompositorTh
// and CrGpuMain in the GPU process: the display compositor; Media and the decoder threads), so
// /proc/<pid>/task/<tid>/stat deltas show which part of the pipeline costs more than the bare
// page, without a profiler's own overhead. Not part of `npm run bench`: a tool for finding the
// wall's extra cost.
//   npx tsx tests/bench/thread-split.ts [tiles=16] [seconds=10] [contenders=tuned,ours,mpegts,webcodecs]
// A contender may carry a variant after a colon: `ours:bare` hides everything over the videos
// (names, status, clock strip), to measure what the overlays cost; `webcodecs:canvas` paints
// on canvases instead of generated video tracks (renderer/src/player/frame-sink.ts). `mpegts` is
// the wall with the mpegts.js engine (?engine=mse), `ours` its default (fragmented MP4).
import { readFileSync, readdirSync } from 'node:fs';
import { startBenchStreams } from './bench-streams';
import { cleanUp } from './cleanup';
import { openForProfiling, readAll, sleep, waitFor, type Contender } from './contender';
import { cmdline, descendants } from './proc-stats';

const CLOCK_TICKS = 100;

/** "renderer", "gpu-process", "utility", or "browser" for the parent process. */
function processType(pid: number): string {
  return /--type=([\w-]+)/.exec(cmdline(pid))?.[1] ?? 'browser';
}

function threadTicks(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      // Numbered pools (ThreadPoolForeg, CompositorTileW…) are summed under their name.
      const key = `${tid}\u0000${name.replace(/\d+$/, '')}`;
      out.set(key, ticks);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

function browserSnapshot(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of descendants(process.pid)) {
    if (!/chrom/i.test(cmdline(pid).split(' ')[0] ?? '')) continue;
    const type = processType(pid);
    for (const [key, ticks] of threadTicks(pid)) out.set(`${type}\u0000${pid}\u0000${key}`, ticks);
  }
  return out;
}

function split(before: Map<string, number>, after: Map<string, number>, seconds: number) {
  const byThread = new Map<string, number>();
  for (const [key, ticks] of after) {
    const [type, , , name] = key.split('\u0000');
    const delta = ticks - (before.get(key) ?? 0);
    const label = `${type}/${name}`;
    byThread.set(label, (byThread.get(label) ?? 0) + (delta / CLOCK_TICKS / seconds) * 100);
  }
  return byThread;
}

const HIDE_OVERLAYS = `
  [data-testid="tile"] > :not(.tile-box) { display: none !important; }
  .wall-clock, .clock-strip, .toolbar, .banner { display: none !important; }
`;

async function main(): Promise<void> {
  const tiles = Number(process.argv[2] ?? 16);
  const seconds = Number(process.argv[3] ?? 10);
  const contenders = (process.argv[4] ?? 'tuned,ours,mpegts,webcodecs').split(',');
  const streams = await startBenchStreams(Math.max(20, tiles));
  const results = new Map<string, Map<string, number>>();
  try {
    for (const spec of contenders) {
      const [contender, variant] = spec.split(':') as [Contender, string | undefined];
      const open = await openForProfiling(contender, tiles, streams);
      try {
        if (variant === 'bare') {
          for (const page of open.pages) await page.addStyleTag({ content: HIDE_OVERLAYS });
        }
        if (variant === 'canvas') {
          for (const page of open.pages) {
            const url = new URL(page.url());
            url.searchParams.set('sink', 'canvas');
            await page.goto(url.toString());
          }
          await waitFor(
            `${spec} tiles to present a frame`,
            async () =>
              (await readAll(open.pages)).every(
                (snap) => snap.tiles.filter((t) => t.firstFrameAt !== null).length >= tiles,
              ),
            20_000,
          );
        }
        await sleep(3_000);
        const before = browserSnapshot();
        const t0 = performance.now();
        await sleep(seconds * 1000);
        results.set(spec, split(before, browserSnapshot(), (performance.now() - t0) / 1000));
        console.error(`${spec}: measured`);
      } finally {
        await open.close();
      }
    }
  } finally {
    await streams.close();
    await cleanUp();
  }
  const labels = new Set<string>();
  for (const r of results.values()) for (const [label, pct] of r) if (pct >= 0.5) labels.add(label);
  const sorted = [...labels].sort(
    (a, b) =>
      (results.get(contenders[0]!)?.get(b) ?? 0) - (results.get(contenders[0]!)?.get(a) ?? 0),
  );
  console.log(`\nBrowser CPU by process/thread, % of one core, ${tiles} tiles, ${seconds} s`);
  console.log(['thread'.padEnd(40), ...contenders.map((c) => c.padStart(14))].join(''));
  for (const label of sorted) {
    const cells = contenders.map((c) => (results.get(c)?.get(label) ?? 0).toFixed(1).padStart(14));
    console.log([label.padEnd(40), ...cells].join(''));
  }
  const totals = contenders.map((c) =>
    [...(results.get(c)?.values() ?? [])]
      .reduce((a, b) => a + b, 0)
      .toFixed(1)
      .padStart(14),
  );
  console.log(['total'.padEnd(40), ...totals].join(''));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
