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
