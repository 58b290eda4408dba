// Debian's Chromium, headless, with the same flags as playwright.config.ts, one fresh browser
// per run so one run's processes and caches do not colour the next.
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from '../fixtures/chromium';
import { onCleanup } from './cleanup';
import { installProbe, type ProbeConfig } from './page-probe';

export { CHROMIUM_PATH };

export interface BenchBrowser {
  browser: Browser;
  /** Opens a 1920x1080 page with the probe installed (not yet navigated). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(probe: ProbeConfig): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
  const close = onCleanup(() => browser.close().catch(() => undefined));
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await installProbe(page, probe);
      return page;
    },
    close,
  };
}

export function browserVersion(browser: Browser): string {
  return browser.version();
}
