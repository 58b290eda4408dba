// Opens n tiles of one contender in a fresh browser: our wall (host process + its pages) or a
// baseline page (tuned or default mpegts.js config), and waits until every tile has presented
// a frame.
import type { Page } from '@playwright/test';
import type { LayoutPresetId } from '../../electron/contract/wall-contract';
import { presetCellCount } from '../../electron/contract/layout-presets';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { startBaselinePage, type BaselineProfile } from './baseline-page';
import { BARCODE_PREFIX, type BenchStreams } from './bench-streams';
import { launchBrowser } from './browser';
import { readProbe, type ProbeSnapshot } from './page-probe';
import type { Contender } from './results';
import { startWallHost, wallSettings, type WallHost } from './wall-host';

export type { Contender } from './results';

const PRESET_FOR: Record<number, LayoutPresetId> = {
  1: '1x1',
  4: '2x2',
  9: '3x3',
  16: '4x4',
  20: '5x4',
  25: '5x5',
};

/** Our wall's layout for n tiles: one window, as on the bare page. */
export function wallPreset(n: number): LayoutPresetId {
  const preset = PRESET_FOR[n];
  if (!preset) throw new Error(`no wall layout for ${n} tiles`);
  return preset;
}

/** The contenders that are our wall (one host), and what each page asks for in its URL. */
const WALL_PAGES: Partial<Record<Contender, Record<string, string>>> = {
  ours: {},
  inpage: { msein: 'page' },
  mpegts: { engine: 'mse' },
  webcodecs: { engine: 'webcodecs' },
};

export const isWallContender = (contender: Contender): boolean => contender in WALL_PAGES;

/** The URL a wall contender's page opens: the host's, with the contender's choices. */
export function wallPageUrl(hostUrl: string, contender: Contender): string {
  const url = new URL(hostUrl);
  for (const [name, value] of Object.entries(WALL_PAGES[contender] ?? {})) {
    url.searchParams.set(name, value);
  }
  return url.toString();
}

/** A wall page's URL with an engine chosen (the key stays in the fragment); null: the default. */
export function withEngine(pageUrl: string, engine: string | null | undefined): string {
  if (!engine) return pageUrl;
  const url = new URL(pageUrl);
  url.searchParams.set('engine', engine);
  return url.toString();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 200 ms; false (and a line on stderr) if it never held. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  console.error(`bench: timed out waiting for ${what}`);
  return false;
}

export async function readAll(pages: Page[]): Promise<ProbeSnapshot[]> {
  return Promise.all(pages.map((p) => readProbe(p)));
}

export interface OpenContender {
  pages: Page[];
  host: WallHost | null;
  allPlaying: boolean;
  notes: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  contender: Contender;
  names: string[];
  streams: BenchStreams;
  latencyEvery: number;
  /** Our wall only: a layout other than the one that fits the names exactly. */
  preset?: LayoutPresetId;
}

/** A contender at `tiles` of the benchmark's streams, barcode read on every 5th frame. */
export function openForProfiling(
  contender: Contender,
  tiles: number,
  streams: BenchStreams,
): Promise<OpenContender> {
  return openContender({ contender, names: streams.names(tiles), streams, latencyEvery: 5 });
}

export async function openContender(options: OpenOptions): Promise<OpenContender> {
  const { contender, names, streams } = options;
  const notes: string[] = [];
  let host: WallHost | null = null;
  let urls: string[];
  let closePage: (() => Promise<void>) | null = null;
  if (isWallContender(contender)) {
    const cams = names.map((id) => ({ id, url: streams.wsUrl(id) }));
    const preset = options.preset ?? wallPreset(names.length);
    const settings = [wallSettings(cams, preset, streams.server.secret)];
    host = await startWallHost(settings);
    // The same wall and host; only the page's engine differs (renderer/src/player/engine-choice.ts).
    urls = host.urls.map((url) => wallPageUrl(url, contender));
  } else {
    const page = await startBaselinePage(
      PROJECT_ROOT,
      names.map((name) => ({ name, url: streams.signedWsUrl(name) })),
      contender as BaselineProfile,
    );
    urls = [page.url];
    closePage = page.close;
  }
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  // Everything opened so far is closed again if a later step throws, so a retry starts clean.
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await host?.close();
    await closePage?.();
  };
  try {
    browser = await launchBrowser({
      barcodePrefix: BARCODE_PREFIX,
      latencyEvery: options.latencyEvery,
    });
    const pages: Page[] = [];
    for (let i = 0; i < urls.length; i++) pages.push(await browser.newPage());
    await Promise.all(pages.map((page, i) => page.goto(urls[i]!)));
    const visible = options.preset
      ? Math.min(names.length, presetCellCount(options.preset))
      : names.length;
    let playing = 0;
    const allPlaying = await waitFor(
      `${visible} ${contender} tiles to present a frame`,
      async () => {
        const snaps = await readAll(pages);
        playing = snaps.flatMap((s) => s.tiles).filter((t) => t.firstFrameAt !== null).length;
        return playing >= visible;
      },
      30_000,
    );
    // Nothing on screen is a broken run, not a slow one: throw, so the part is retried.
    if (playing === 0) throw new Error(`${contender}: no tile presented a frame within 30 s`);
    if (!allPlaying) {
      notes.push(`${contender}: ${playing}/${visible} tiles presented a frame within 30 s`);
    }
    return { pages, host, allPlaying, notes, close };
  } catch (error) {
    await close();
    throw error;
  }
}
