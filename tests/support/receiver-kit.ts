import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits for the import that `bringIn` starts to finish; returns each folder's line of the report. */
export async function importReport(page: Page, bringIn: () => Promise<void>): Promise<string[]> {
  const round = await page.evaluate(() => Number(document.querySelector('.import-report')?.getAttribute('data-round') ?? '0'));
  await bringIn();
  await expect.poll(() => page.locator(`.import-report[data-round="${round + 1}"][data-done="true"]`).count(), { timeout: 30_000 }).toBe(1);
  return page.getByTestId('import-report').locator('li').allTextContents();
}
