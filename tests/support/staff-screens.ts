import type { Page } from 'playwright-core';

/** The hidden way in: a press held on the start screen's top corner for over two seconds. */
export async function holdStaffCorner(page: Page, holdMs = 2300): Promise<void> {
  const box = await page.locator('[data-staff-corner]').boundingBox();
  if (box === null) throw new Error('The staff corner is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(holdMs);
  await page.mouse.up();
}

export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator(`.pin-key[data-digit="${digit}"]`).click();
  await page.locator('.pin-submit').click();
}

const keyOf: Record<string, string> = { ' ': '{space}' };

/** Types with the on-screen keyboard only, pressing shift before each capital as a finger would. */
export async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const character of text) {
    const isCapital = character !== character.toLowerCase();
    if (isCapital) await page.locator('.hg-button[data-skbtn="{shift}"]').click();
    const key = keyOf[character] ?? character;
    await page.locator(`.hg-button[data-skbtn="${key}"]`).click();
  }
}
