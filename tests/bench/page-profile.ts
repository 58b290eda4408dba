// CPU profile of the page under N tiles, ours and the tuned bare page in one run: the DevTools
// protocol's Profiler on the first window, with the browser's and the wall host's CPU from
// /proc over the same window. Ours is profiled again with one tile maximised over the grid,
// and the grid's videos are checked to be paused (decoding nothing) while their tiles stay
// live. Not part of `npm run bench`: a tool for finding where the wall's page spends more.
//   npx tsx tests/bench/page-profile.ts [tiles=16] [seconds=10] [contenders=ours,tuned]
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { startBenchStreams, type BenchStreams } from './bench-streams';
import { cleanUp } from './cleanup';
import { isWallContender, openForProfiling, sleep, type Contender } from './contender';
import { topFunctions, type CpuProfile } from './cpu-profile-top';
import { startCpuWindow } from './proc-stats';

async function profileWindow(title: string, page: Page, hostPid: number | undefined, s: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  const cpu = startCpuWindow(() => (hostPid ? [hostPid] : []));
  await cdp.send('Profiler.start');
  await sleep(s * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const usage = cpu.stop();
  await cdp.detach();
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `\n${title}, ${s} s: browser ${usage.browser.cpuPct.toFixed(0)} %, host ${usage.host.cpuPct.toFixed(0)} % of a core (load average ${load})`,
  );
  for (const f of topFunctions(profile, 22)) {
    console.log(`${f.pct.toFixed(1).padStart(5)} %  ${f.name}`);
  }
}

const gridStates = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.grid [data-testid="tile"]')]
      .map((t) => t.getAttribute('data-state'))
      .join(' '),
  );

async function profileOne(contender: Contender, tiles: number, s: number, streams: BenchStreams) {
  const open = await openForProfiling(contender, tiles, streams);
  try {
    await sleep(3_000);
    const page = open.pages[0]!;
    const hostPid = open.host?.pid;
    await profileWindow(`${contender}, ${tiles} tiles`, page, hostPid, s);
    if (!isWallContender(contender)) return;
    await page.locator('.grid [data-testid="tile"]').first().dblclick();
    await page.locator('.maximised video').waitFor();
    await sleep(3_000);
    const paused = () =>
      page.evaluate(() => ({
        grid: [...document.querySelectorAll<HTMLVideoElement>('.grid video')].map((v) => v.paused),
        large: document.querySelector<HTMLVideoElement>('.maximised video')?.paused,
      }));
    const before = await paused();
    const statesBefore = await gridStates(page);
    await profileWindow(`${contender}, ${tiles} tiles, one maximised`, page, hostPid, s);
    console.log(
      `grid videos paused ${before.grid.filter(Boolean).length}/${before.grid.length}, maximised paused ${String(before.large)}; grid states at start: ${statesBefore}; at end: ${await gridStates(page)}`,
    );
  } finally {
    await open.close();
  }
}

async function main(): Promise<void> {
  const tiles = Number(process.argv[2] ?? 16);
  const seconds = Number(process.argv[3] ?? 10);
  const streams = await startBenchStreams(tiles);
  try {
    await sleep(3_000);
    const contenders = (process.argv[4] ?? 'ours,tuned').split(',') as Contender[];
    for (const contender of contenders) {
      await profileOne(contender, tiles, seconds, streams);
    }
  } finally {
    await streams.close();
    await cleanUp();
  }
}

await main();
