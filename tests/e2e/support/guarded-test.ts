// The `test` every browser end-to-end spec uses: Playwright's, plus a check that no page it
// opened threw an uncaught exception. A live wall that throws in an event handler keeps going
// and looks fine in a screenshot, so without this such a bug shows only by luck (one did: the
// fragmented-MP4 engine set the MediaSource's duration while a buffer was appending, which
// only one test happened to watch for). Pages a test opens in a context of its own
// (`browser.newPage()`) are watched with `pageErrors.watch(page)`.
import { expect, test as base, type Page } from '@playwright/test';

export interface PageErrors {
  watch(page: Page): void;
}

export const test = base.extend<{ pageErrors: PageErrors }>({
  pageErrors: [
    async ({ context }, use) => {
      const seen: string[] = [];
      // The message and where it was thrown: enough to find the bug from the test's report.
      const record = (error: Error, page: Page | null) => {
        const where = (error.stack ?? '')
          .split('\n')
          .slice(1, 4)
          .map((line) => line.trim());
        seen.push([`${page?.url() ?? 'a page'}: ${error.message}`, ...where].join(' | '));
      };
      context.on('weberror', (webError) => record(webError.error(), webError.page()));
      const watched = new Set<Page>();
      await use({
        watch: (page) => {
          if (watched.has(page) || page.context() === context) return;
          watched.add(page);
          page.on('pageerror', (error) => record(error, page));
        },
      });
      expect(seen, 'uncaught exceptions in the pages of this test').toEqual([]);
    },
    { auto: true },
  ],
});
