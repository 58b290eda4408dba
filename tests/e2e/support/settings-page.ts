// Steps the settings screens' tests share: open a tab behind the PIN, and read a download.
import { readFileSync } from 'node:fs';
import { expect, type Download, type Page } from '@playwright/test';
import { answerPin, toolbarClick } from './staff-page';

export type Tab = 'general' | 'centres' | 'cameras' | 'transfer';

/** Opens the settings (answering the PIN dialog when it asks) on one tab. */
export async function openSettings(page: Page, tab: Tab): Promise<void> {
  const panel = page.getByTestId('settings-panel');
  if (!(await panel.isVisible())) {
    await toolbarClick(page, /Cài đặt|Settings/);
    // The PIN dialog comes only while locked, and only after main has said so.
    const pin = page.getByTestId('pin-dialog');
    await expect(pin.or(panel)).toBeVisible();
    if (await pin.isVisible()) await answerPin(page);
    await expect(panel).toBeVisible();
  }
  await page.getByTestId(`settings-tab-${tab}`).click();
}

export async function downloadedText(download: Promise<Download>): Promise<string> {
  const path = await (await download).path();
  return readFileSync(path, 'utf8');
}
