// The wall page in Chromium for the soak: one headless browser with the soak probe, the
// page's JS heap after a forced GC over CDP, and a renderer crash over CDP (Page.crash on the
// page's own target) followed by a reload, the way the kiosk's crash handler reloads it.
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../fixtures/chromium';
import { onCleanup } from '../bench/cleanup';
import { recallLayout } from '../bench/staff-wall';
import { soakProbeScript, type SoakProbeConfig } from './soak-probe';

export interface SoakPage {
  page(): Page;
  /** JS heap used after a full GC, MB; null while the page is gone. */
  heapMb(): Promise<number | null>;
  pressKey(key: string): Promise<void>;
  /** Recalls saved layout `key` and waits for `tiles` tiles; throws with the reason if not. */
  recallLayout(key: string, tiles: number): Promise<void>;
  crashAndReload(): Promise<void>;
  close(): Promise<void>;
}

export async function openSoakPage(url: string, probe: SoakProbeConfig): Promise<SoakPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const close = onCleanup(() => browser.close().catch(() => undefined));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript({ content: soakProbeScript(probe) });
  let page = await context.newPage();
  let cdp: CDPSession | null = null;
  const session = async () => (cdp ??= await context.newCDPSession(page));
  await page.goto(url);

  return {
    page: () => page,
    async heapMb() {
      try {
        const s = await session();
        await s.send('HeapProfiler.collectGarbage');
        const usage = await s.send('Runtime.getHeapUsage');
        return usage.usedSize / 1e6;
      } catch {
        cdp = null; // the target died: open a new session next time
        return null;
      }
    },
    async pressKey(key) {
      await page.keyboard.press(key).catch(() => undefined);
    },
    async recallLayout(key, tiles) {
      await recallLayout(page, key, tiles);
    },
    async crashAndReload() {
      const s = await session();
      const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
      // Page.crash never answers: the renderer is gone before it could.
      void s.send('Page.crash').catch(() => undefined);
      await Promise.race([crashed, new Promise((r) => setTimeout(r, 10_000))]);
      cdp = null;
      try {
        await page.goto(url, { timeout: 30_000 });
      } catch {
        // Some builds refuse to navigate a crashed page: a new one is what a kiosk gets too.
        await page.close().catch(() => undefined);
        page = await context.newPage();
        await page.goto(url, { timeout: 30_000 });
      }
    },
    close,
  };
}
