// Staff steps the benchmark and the soak need on our wall's page: set the PIN (first use) and
// unlock through the PIN dialog, save layouts while unlocked, and recall a saved layout with
// its key (1–9), checking that the grid really shows the expected tile count. The same steps as
// tests/e2e/support/staff-page.ts, without @playwright/test's expect (no test runner here).
import type { Page } from '@playwright/test';
import { templateGrid, type LayoutTemplateId } from '../../electron/contract/layout-presets';
import { previewSocketUrl, readPreviewKey } from '../../electron/contract/preview-protocol';
import type { SavedLayout } from '../../electron/contract/saved-layout';

export const STAFF_PIN = '2468';

const TILES = '.grid [data-testid="tile"]';

export const tileCount = (page: Page) => page.locator(TILES).count();

/** Answers the PIN dialog if it is open (setting the PIN on first use, else unlocking). */
export async function answerPinIfAsked(page: Page, pin = STAFF_PIN): Promise<boolean> {
  const dialog = page.getByTestId('pin-dialog');
  if ((await dialog.count()) === 0) return false;
  await page.getByTestId('pin-input').fill(pin);
  const confirm = page.getByTestId('pin-confirm');
  if (await confirm.isVisible()) await confirm.fill(pin);
  await page.getByTestId('pin-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return true;
}

/**
 * Sets the PIN (or unlocks) through the page: key 1 is a staff action, so it asks for the PIN;
 * after the right one it recalls saved layout 1, which the wall shows by default anyway.
 */
export async function unlockStaff(page: Page, pin = STAFF_PIN): Promise<void> {
  await page.keyboard.press('1');
  try {
    await page.getByTestId('pin-dialog').waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    throw new Error('key 1 did not ask for the staff PIN');
  }
  await answerPinIfAsked(page, pin);
}

/** A layout of every configured camera (in configuration order, paged) on a template. */
export function allCamerasLayout(id: string, template: LayoutTemplateId): SavedLayout {
  return {
    id,
    name: `${id} (${template})`,
    template,
    grid: templateGrid(template),
    cameras: 'all',
  };
}

/**
 * Saves layouts as the page's own API does (the preview host's socket with the page's key, from
 * the page, so the host's origin check sees the page); the wall must be unlocked. They are
 * appended after the saved ones, so layout n of the list gets key (saved before) + n.
 */
export async function saveLayouts(page: Page, layouts: SavedLayout[]): Promise<void> {
  const url = new URL(page.url());
  const key = readPreviewKey(url.hash);
  if (!key) throw new Error(`the page URL has no #key= (${url.origin}${url.pathname})`);
  const socketUrl = previewSocketUrl({ protocol: url.protocol, host: url.host }, key);
  const errors = await page.evaluate(
    async ({ socketUrl, layouts }) =>
      new Promise<string[]>((resolve) => {
        const socket = new WebSocket(socketUrl);
        const waiting = new Map<number, string>();
        const errors: string[] = [];
        const timer = setTimeout(() => {
          socket.close();
          resolve([...errors, `no answer for ${[...waiting.values()].join(', ')}`]);
        }, 15_000);
        socket.onerror = () => errors.push('the socket failed');
        socket.onopen = () => {
          layouts.forEach((layout, i) => {
            waiting.set(i + 1, layout.id);
            socket.send(
              JSON.stringify({
                kind: 'request',
                id: i + 1,
                channel: 'layouts:save',
                payload: layout,
              }),
            );
          });
        };
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as {
            kind?: string;
            id?: number;
            result?: { ok: boolean; error?: string };
          };
          if (message.kind !== 'response' || message.id === undefined) return;
          const id = waiting.get(message.id);
          if (id === undefined) return;
          waiting.delete(message.id);
          if (!message.result?.ok) errors.push(`${id}: ${message.result?.error ?? 'refused'}`);
          if (waiting.size === 0) {
            clearTimeout(timer);
            socket.close();
            resolve(errors);
          }
        };
      }),
    { socketUrl, layouts },
  );
  if (errors.length > 0) throw new Error(`saving layouts failed: ${errors.join('; ')}`);
}

/**
 * Recalls saved layout `key` (answering the PIN dialog if the unlock lapsed) and waits until
 * the grid shows `tiles` tiles; throws with the reason when it does not. The key press is staff
 * activity, so it keeps the unlock alive.
 */
export async function recallLayout(
  page: Page,
  key: string,
  tiles: number,
  timeoutMs = 10_000,
): Promise<void> {
  await page.keyboard.press(key);
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  while (Date.now() < deadline) {
    if (await answerPinIfAsked(page)) continue;
    count = await tileCount(page);
    if (count === tiles) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`key ${key} did not switch to ${tiles} tiles (the grid shows ${count})`);
}
