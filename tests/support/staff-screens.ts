import type { Browser, Page } from 'playwright-core';
import { e2eStaffPin } from './browser-shell';

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

/** From the start screen into the staff area as staff get there: the corner held, the PIN, the staff home. */
export async function unlockStaffArea(page: Page, pin: string = e2eStaffPin): Promise<void> {
  await holdStaffCorner(page);
  await page.locator('[data-screen="staff-pin"]').waitFor();
  await enterPin(page, pin);
  await page.locator('[data-screen="staff-home"]').waitFor();
}

/** A fresh touch screen on the kiosk (portrait unless told), unlocked into the staff area; close it with `page.context().close()`. */
export async function openStaffArea(browser: Browser, url: string, viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, hasTouch: true })).newPage();
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  await unlockStaffArea(page);
  return page;
}

const keyOf: Record<string, string> = { ' ': '{space}' };

/**
 * Types with the on-screen keyboard only, as a finger would: shift is pressed when a letter's case
 * differs from the shift key's state (it comes on by itself at the start of a sentence).
 */
export async function typeOnScreen(page: Page, text: string): Promise<void> {
  const shift = page.locator('.hg-button[data-skbtn="{shift}"]');
  for (const character of text) {
    const hasCase = character.toLowerCase() !== character.toUpperCase();
    if (hasCase) {
      const isCapital = character !== character.toLowerCase();
      const isShifted = ((await shift.getAttribute('class')) ?? '').includes('key-on');
      if (isCapital !== isShifted) await shift.click();
    }
    const key = keyOf[character] ?? character;
    await page.locator(`.hg-button[data-skbtn="${key}"]`).click();
  }
}
