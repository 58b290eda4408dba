// Where the wall's first frame spends its time after the page starts loading: navigation and
// resource timing, then the moments the page reached (the API socket open, the first answers,
// the feed worker's first messages, the first tile, the first <video> and its media events,
// its first frame), for our wall at N tiles, a few loads in a row on one running host; or the
// same for a bare page ('tuned', 'default'), to compare the chains. Not part of `npm run bench`: a tool for the first-frame target.
//   npx tsx tests/bench/boot-timeline.ts [tiles=1] [loads=5] [contender=ours]
import { writeFileSync } from 'node:fs';
import { runBenchTool } from './bench-tool';
import { launchBrowser } from './browser';
import { topFunctions, type CpuProfile } from './cpu-profile-top';
import { isWallContender, sleep, wallPageUrl, wallPreset } from './contender';
import type { Contender } from './results';
import { startWallHost, wallSettings } from './wall-host';
import { startBaselinePage } from './baseline-page';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';

const TIMELINE_SCRIPT = `
  (() => {
    const t = (name) => (window.__boot ??= {})[name] ??= Math.round(performance.now());
    const NativeWs = WebSocket;
    window.WebSocket = class extends NativeWs {
      constructor(...a) {
        super(...a);
        if (String(a[0]).includes('/api/')) {
          t('api socket created');
          this.addEventListener('open', () => t('api socket open'));
          this.addEventListener('message', () => t('api first message'));
        } else {
          t('first stream socket created');
          this.addEventListener('message', () => t('first stream bytes'));
        }
      }
    };
    const NativeMs = window.MediaSource;
    if (NativeMs) {
      window.MediaSource = class extends NativeMs {
        constructor() {
          super();
          t('first MediaSource created');
          this.addEventListener('sourceopen', () => t('first sourceopen'));
        }
      };
      window.MediaSource.isTypeSupported = NativeMs.isTypeSupported.bind(NativeMs);
    }
    // The feed worker: when it starts, the page's first message to it and the first of each
    // kind it sends back (read when the page's thread gets to them).
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(...a) {
        super(...a);
        t('worker created');
        this.addEventListener('message', (e) => t('worker first message ' + e.data.kind));
        const post = this.postMessage.bind(this);
        this.postMessage = (m, ...rest) => {
          t('worker first post ' + m.kind);
          return post(m, ...rest);
        };
      }
    };
    // The first <video>: made, given its source, and its media events (in the page or not yet).
    const createElement = document.createElement.bind(document);
    const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
    document.createElement = (tag, ...rest) => {
      const el = createElement(tag, ...rest);
      if (String(tag).toLowerCase() !== 'video') return el;
      t('first video created');
      for (const ev of ['loadstart', 'loadedmetadata', 'loadeddata', 'playing']) {
        el.addEventListener(ev, () =>
          t('first video ' + ev + (el.isConnected ? ' (in the page)' : ' (not in the page)')),
        );
      }
      Object.defineProperty(el, 'srcObject', {
        set(v) {
          t('first srcObject set');
          srcObject.set.call(this, v);
        },
        get() {
          return srcObject.get.call(this);
        },
      });
      return el;
    };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="tile"]')) t('first tile in DOM');
      const v = document.querySelector('.tile-box video, #grid video');
      if (v && !v.__seen) {
        v.__seen = true;
        t('first video in DOM');
        v.requestVideoFrameCallback((_n, m) => t('first frame shown') && (window.__boot['first frame expected'] = Math.round(m.expectedDisplayTime)));
      }
    }).observe(document, { subtree: true, childList: true });
  })();
`;

const tiles = Number(process.argv[2] ?? 1);
const loads = Number(process.argv[3] ?? 5);
const contender = (process.argv[4] ?? 'ours') as Contender;

runBenchTool(Math.max(20, tiles), async (streams) => {
  let host: { urls: string[]; close(): Promise<void> };
  if (isWallContender(contender)) {
    const cams = streams.names(tiles).map((id) => ({ id, url: streams.wsUrl(id) }));
    const wall = await startWallHost([
      wallSettings(cams, wallPreset(tiles), streams.server.secret),
    ]);
    host = { urls: wall.urls.map((url) => wallPageUrl(url, contender)), close: wall.close };
  } else if (contender === 'tuned' || contender === 'default') {
    const tilesOnPage = streams
      .names(tiles)
      .map((name) => ({ name, url: streams.signedWsUrl(name) }));
    const page = await startBaselinePage(PROJECT_ROOT, tilesOnPage, contender);
    host = { urls: [page.url], close: page.close };
  } else {
    throw new Error(
      `boot-timeline: ${contender} is not one of ours, mpegts, webcodecs, tuned, default`,
    );
  }
  const browser = await launchBrowser({ barcodePrefix: 'none', latencyEvery: 0 });
  const shown: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage();
    await page.addInitScript(TIMELINE_SCRIPT);
    // The last load is profiled too (the profiler's own cost shows in its timeline).
    const profiled = i === loads - 1 && loads > 1;
    const cdp = profiled ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(host.urls[0]!);
    await page.waitForFunction(
      () =>
        (window as { __boot?: object }).__boot &&
        'first frame shown' in (window as unknown as { __boot: object }).__boot,
      null,
      { timeout: 20_000 },
    );
    await sleep(300);
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      if (process.env.BOOT_PROFILE_FILE) {
        writeFileSync(process.env.BOOT_PROFILE_FILE, JSON.stringify(profile));
      }
      console.log('\nprofile of the last load (page main thread, to the first frame + 300 ms)');
      for (const f of topFunctions(profile, 25)) {
        console.log(`${f.pct.toFixed(1).padStart(5)} %  ${f.name}`);
      }
    }
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const out: Record<string, number> = {
        'response end': Math.round(nav.responseEnd),
        'DOM content loaded': Math.round(nav.domContentLoadedEventEnd),
        'load event': Math.round(nav.loadEventEnd),
      };
      for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        out[`loaded ${r.name.split('/').pop()!.split('?')[0]}`] = Math.round(r.responseEnd);
      }
      const paint = performance.getEntriesByType('paint');
      for (const p of paint) out[p.name] = Math.round(p.startTime);
      return { ...out, ...(window as unknown as { __boot: Record<string, number> }).__boot };
    });
    const rows = Object.entries(timeline).sort((a, b) => a[1] - b[1]);
    shown.push(timeline['first frame shown'] ?? NaN);
    console.log(`\nload ${i + 1}, ${tiles} tiles`);
    for (const [name, ms] of rows) console.log(`${String(ms).padStart(6)} ms  ${name}`);
    await page.context().close();
  }
  await browser.close();
  await host.close();
  const sorted = [...shown].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`\nfirst frame shown, ${loads} loads: median ${median} ms; all ${shown.join(' ')}`);
});
