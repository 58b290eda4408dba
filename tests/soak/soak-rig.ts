// Everything the soak runs against, started in order: the benchmark's streams (one live
// barcode encode as bar1–bar4, demo-clip loops for the rest) on a real Node-Media-Server, the
// pausable proxy in front of it for a few tiles, the wall's host with a real 16-camera WS-FLV
// config, and the page in Chromium, waited on until every tile is live.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { BARCODE_PREFIX, startBenchStreams, type BenchStreams } from '../bench/bench-streams';
import { waitFor } from '../bench/contender';
import { cmdline, descendants } from '../bench/proc-stats';
import { watchUpstreams } from '../bench/upstream-watch';
import { allCamerasLayout, saveLayouts, unlockStaff } from '../bench/staff-wall';
import { wallSettings } from '../bench/wall-host';
import { startPauseProxy, type PauseProxy } from './pause-proxy';
import { readSoakProbe } from './soak-probe';
import { startSoakHost, type SoakHost } from './soak-host-client';
import { openSoakPage, type SoakPage } from './soak-page';

export const TILES = 16;
/**
 * The recall key of each layout the churn switches between: "All centres" on the
 * configuration's 4x4 is saved layout 1; the rig saves a 3x3 of the same cameras as layout 2.
 */
export const LAYOUT_KEYS: Record<string, string> = { '4x4': '1', '3x3': '2' };
/** Cameras behind the stall proxy: on screen in both layouts (3x3 shows the first nine). */
export const PROXIED = ['clip3', 'clip4', 'clip5'];
/** A 'live' tile whose frame counter stood still longer than this is "stale shown as live". */
export const STALE_MS = 3_000;

export interface SoakRig {
  streams: BenchStreams;
  proxy: PauseProxy;
  host: SoakHost;
  page: SoakPage;
  names: string[];
  /** Publishers the churn may restart: not the barcode encode, not the proxied ones. */
  restartable: string[];
  close(): Promise<void>;
}

export function ensureRendererBuilt(log: (line: string) => void): void {
  if (existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) return;
  log('out/renderer is missing; building it (npx electron-vite build)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0)
    throw new Error('electron-vite build failed; fix the build and run again');
}

export async function startRig(log: (line: string) => void): Promise<SoakRig> {
  const streams = await startBenchStreams(TILES);
  const names = streams.names(TILES);
  const ready = watchUpstreams(new Map(names.map((n) => [n, streams.signedWsUrl(n)])));
  await waitFor('every publisher', async () => ready.returnedAt.size === names.length, 30_000);
  await ready.close();
  const proxy = await startPauseProxy(streams.server.httpPort);
  const cameras = names.map((id) => ({
    id,
    url: PROXIED.includes(id) ? `ws://127.0.0.1:${proxy.port}/live/${id}.flv` : streams.wsUrl(id),
  }));
  const host = await startSoakHost(wallSettings(cameras, '4x4', streams.server.secret));
  log(`host pid ${host.pid}; opening the page`);
  const page = await openSoakPage(host.url, {
    barcodePrefix: BARCODE_PREFIX,
    latencyEvery: 25, // one read a second per barcode tile: enough for a trend, cheap
    staleMs: STALE_MS,
  });
  const allLive = await waitFor(
    `all ${TILES} tiles live`,
    async () => (await readSoakProbe(page.page()))?.liveTiles === TILES,
    60_000,
  );
  log(allLive ? `all ${TILES} tiles live` : `not every tile went live within 60 s; going on`);
  // Staff, through the page: set the PIN (it unlocks), then save the 3x3. Every layout switch
  // is a key press, staff activity that keeps the unlock alive; a lapsed one is answered again.
  await unlockStaff(page.page());
  await saveLayouts(page.page(), [allCamerasLayout('soak-3x3', '3x3')]);
  log(`staff PIN set and unlocked; layouts: 4x4 on key 1, 3x3 on key 2`);
  return {
    streams,
    proxy,
    host,
    page,
    names,
    restartable: names.filter((n) => !n.startsWith(BARCODE_PREFIX) && !PROXIED.includes(n)),
    async close() {
      await page.close();
      await host.close();
      await proxy.close();
      await streams.close();
    },
  };
}

/** Kills one clip publisher by its RTMP target; the fixture's supervisor restarts it. */
export function killPublisher(name: string): boolean {
  let killed = false;
  for (const pid of descendants(process.pid)) {
    const line = cmdline(pid);
    // cmdline ends each argument with a space, so 'clip1 ' never matches clip10.
    if (!line.startsWith('ffmpeg') || !line.includes(`/live/${name} `)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed = true;
    } catch {
      // already gone
    }
  }
  return killed;
}

/** Chromium's renderer processes (their PSS is the page's memory outside the JS heap). */
export function rendererPids(): number[] {
  return descendants(process.pid).filter((pid) => cmdline(pid).includes('--type=renderer'));
}
