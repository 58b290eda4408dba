// Staff steps the layout tests share: the PIN dialog, the toolbar, and the broker's view.
import { expect, type Page } from '@playwright/test';

export const STAFF_PIN = '2468';

/** Answers the PIN dialog (setting the PIN on first use, else unlocking). */
export async function answerPin(page: Page, pin = STAFF_PIN): Promise<void> {
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('pin-input').fill(pin);
  const confirm = page.getByTestId('pin-confirm');
  if (await confirm.isVisible()) await confirm.fill(pin);
  await page.getByTestId('pin-submit').click();
  await expect(dialog).toHaveCount(0);
}

/** Shows the toolbar (the mouse moved) and clicks one of its buttons by its words. */
export async function toolbarClick(page: Page, words: string | RegExp): Promise<void> {
  const toolbar = page.getByTestId('toolbar');
  // The toolbar hides 3 s after the mouse stops; on a loaded machine that can come between
  // showing it and clicking, so each try moves the mouse again.
  await expect(async () => {
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 310);
    await toolbar.getByRole('button', { name: words }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Marks a tile's <video>, to tell later whether the same element (player) is still there. */
export async function markVideo(page: Page, cameraId: string, mark: string): Promise<void> {
  await page
    .locator(`.grid [data-testid="tile"][data-camera-id="${cameraId}"] video`)
    .first()
    .evaluate((v, m) => void ((v as HTMLVideoElement & { __mark?: string }).__mark = m), mark);
}

export async function videoMark(page: Page, cameraId: string): Promise<string | null> {
  return page
    .locator(`.grid [data-testid="tile"][data-camera-id="${cameraId}"] video`)
    .first()
    .evaluate((v) => (v as HTMLVideoElement & { __mark?: string }).__mark ?? null);
}

/** A grid tile as it was in the first moment a layout was on the page, before it was painted. */
export interface SwitchTile {
  cameraId: string;
  /** markVideo's mark on the tile's <video>: the same player as before the switch. */
  mark: string | null;
  /** Decoded frames and the picture's width: 0 for a player that has shown nothing yet. */
  frames: number;
  width: number;
}

/**
 * Watches the element `testId` until its `attribute` becomes `value` (the wall's layout id, the
 * tour's step) and records the grid's tiles at that moment: a mutation observer runs after
 * React's commit and its layout effects, before the browser paints the new page.
 */
export async function recordSwitch(
  page: Page,
  target: { testId: string; attribute: string; value: string },
): Promise<void> {
  await page.evaluate(({ testId, attribute, value }) => {
    const element = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
    const record = window as unknown as { __switch?: unknown };
    record.__switch = null;
    const observer = new MutationObserver(() => {
      if (element.getAttribute(attribute) !== value) return;
      observer.disconnect();
      const tiles = [...document.querySelectorAll<HTMLElement>('.grid [data-testid="tile"]')];
      record.__switch = tiles.map((tile) => {
        const video = tile.querySelector('video') as
          (HTMLVideoElement & { __mark?: string }) | null;
        return {
          cameraId: tile.dataset.cameraId ?? '',
          mark: video?.__mark ?? null,
          frames: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
          width: video?.videoWidth ?? 0,
        };
      });
    });
    observer.observe(element, { attributes: true, attributeFilter: [attribute] });
  }, target);
}

/** The switch to a layout (the wall's data-layout-id). */
export const recordSwitchTo = (page: Page, layoutId: string) =>
  recordSwitch(page, { testId: 'wall', attribute: 'data-layout-id', value: layoutId });

/** Every tile had a decoded picture in the switch's first moment: none was black. */
export function expectNoBlackTile(tiles: readonly SwitchTile[]): void {
  for (const tile of tiles) {
    expect(tile.frames, `${tile.cameraId} has decoded frames at the switch`).toBeGreaterThan(0);
    expect(tile.width, `${tile.cameraId} has a picture at the switch`).toBeGreaterThan(0);
  }
}

export async function switchRecord(page: Page): Promise<SwitchTile[]> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __switch?: unknown }).__switch ?? null,
  );
  return (await handle.jsonValue()) as SwitchTile[];
}
