import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Finger } from '../../scripts/fixtures/finger';
import { e2eStaffPin, screenshotDir, startKerro, useBrowser } from '../support/browser-shell';
import { makeTempDir } from '../support/temp-dir';

/**
 * Short enough that a slow writer outlasts it in a test, long enough that the 7.5 s between the
 * warning and the end leave room for a loaded machine to take a screenshot and answer it.
 */
const sessionSeconds = 15;
/** The warning comes halfway through a session this short (a minute before the end on a real one). */
const warningAfterSeconds = sessionSeconds / 2;

const browser = useBrowser();

/**
 * The layout is checked in both orientations. The session's life (typing slower than it lasts, the
 * warning, the draft kept across its end) does not depend on the layout: it is walked once, in
 * landscape, where the issue was met, the portrait walk types at machine speed.
 */
const orientations = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 }, outlastsSession: true },
  { name: 'portrait', viewport: { width: 1080, height: 1920 }, outlastsSession: false },
] as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(await screenshotDir(), `staff-walk-${name}.png`) });
}

/** The field's whole box lies in the window and above the keyboard: nothing hides it. */
async function expectInSight(page: Page, field: Locator, what: string): Promise<void> {
  const box = await field.boundingBox();
  const viewport = page.viewportSize();
  const keyboardLocator = page.locator('.on-screen-keyboard');
  const keyboard = (await keyboardLocator.count()) > 0 ? await keyboardLocator.boundingBox() : null;
  if (box === null || viewport === null) throw new Error(`${what} is not on screen`);
  const bottomLimit = keyboard === null ? viewport.height : keyboard.y;
  expect(box.y, `${what} starts below the top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} ends above the keyboard`).toBeLessThanOrEqual(bottomLimit + 0.5);
}

async function unlock(finger: Finger): Promise<void> {
  for (const digit of e2eStaffPin) await finger.tapButton(digit);
  await finger.tapButton('Avaa');
}

const isShiftOn = async (page: Page) => ((await page.locator('.hg-button[data-skbtn="{shift}"]').getAttribute('class')) ?? '').includes('key-on');

describe.each(orientations)('the staff walk by touch, $name', ({ name, viewport, outlastsSession }) => {
  it(
    'writes a poll (in landscape more slowly than the session lasts, is warned and keeps its draft), saves and sees it live',
    async () => {
      const kerro = await startKerro(await makeTempDir(), { KERRO_STAFF_IDLE_SECONDS: String(sessionSeconds) });
      const context = await browser().newContext({ viewport, hasTouch: true });
      const page = await context.newPage();
      await page.goto(kerro.url);
      await page.locator('[data-screen="start"]').waitFor();
      // 55 keys 300 ms apart, with the taps between them, outlast the 15 s session.
      const finger = new Finger(page, outlastsSession ? { keyPauseMs: 300 } : {});

      await finger.hold(page.locator('[data-staff-corner]'), 2300);
      await page.getByText('Anna PIN-koodi').waitFor();
      await unlock(finger);
      await finger.tapButton('+ Uusi kysely');
      const question = page.getByLabel('Kysymys suomeksi (pakollinen)');
      await question.waitFor();
      const startedAt = Date.now();

      // The keyboard opens over the form, the field in sight above it, shift on for the first letter.
      await finger.tap(question);
      await page.getByRole('group', { name: 'Näppäimistö' }).waitFor();
      expect(await isShiftOn(page), 'shift starts on at the start of a field').toBe(true);
      await expectInSight(page, question, 'the question');
      await finger.type('Mikä päivä sopii retkelle?');
      await expect.poll(() => question.inputValue()).toBe('Mikä päivä sopii retkelle?');

      const option = (number: number) => page.getByLabel(`Vaihtoehto ${number} suomeksi (pakollinen)`);
      await finger.tap(option(1));
      await expectInSight(page, option(1), 'option 1');
      expect(await isShiftOn(page)).toBe(true);
      await shot(page, `${name}-keyboard-open`);
      await finger.type('Maanantai');
      await finger.tap(option(2));
      await expectInSight(page, option(2), 'option 2');
      await finger.type('Keski');
      // A swipe to scroll that starts on another field moves neither the caret nor the focus.
      await finger.swipeUp(option(1), 120);
      await finger.type('viikko');
      await expect.poll(() => option(2).inputValue()).toBe('Keskiviikko');
      expect(await option(1).inputValue()).toBe('Maanantai');

      await finger.tapButton('+ Lisää vaihtoehto');
      await finger.tap(option(3));
      await expectInSight(page, option(3), 'option 3');
      await finger.type('Perjantai');
      // The save buttons stay in sight while the keyboard is open.
      await expectInSight(page, page.getByRole('button', { name: 'Tallenna ja käynnistä' }), 'the save button');

      // The touch that closes the keyboard presses nothing under it.
      await finger.tapButton('Valmis');
      await page.getByRole('group', { name: 'Näppäimistö' }).waitFor({ state: 'detached' });
      await page.waitForTimeout(500);
      expect(await page.locator('.option-row').count(), 'no option was added by the closing touch').toBe(3);
      await shot(page, `${name}-keyboard-closed`);
      if (outlastsSession) {
        const writingSeconds = (Date.now() - startedAt) / 1000;
        expect(writingSeconds, 'the poll took longer to write than the session lasts').toBeGreaterThan(sessionSeconds);

        // Left alone, the screen says the session is ending; one touch keeps it.
        await page.getByText(/Istunto päättyy \d+ sekunnin kuluttua/).waitFor({ timeout: (warningAfterSeconds + 5) * 1000 });
        await shot(page, `${name}-session-ending`);
        await finger.tapButton('Jatka');
        await page.getByText(/Istunto päättyy/).waitFor({ state: 'detached' });
        await page.waitForTimeout(warningAfterSeconds * 1000 + 2000);
        expect(await page.locator('[data-screen="staff-editor"]').count(), 'still editing after the warning was answered').toBe(1);

        // Left alone again it ends and the kiosk goes back to the parents; the poll being written
        // comes back after the corner and the PIN.
        await page.locator('[data-screen="start"]').waitFor({ timeout: (sessionSeconds + 5) * 1000 });
        await shot(page, `${name}-session-ended`);
        await finger.hold(page.locator('[data-staff-corner]'), 2300);
        await page.getByText('Anna PIN-koodi').waitFor();
        await unlock(finger);
        await page.getByText('Keskeneräinen kysely palautettiin', { exact: false }).waitFor();
        expect(await question.inputValue()).toBe('Mikä päivä sopii retkelle?');
        expect(await option(3).inputValue()).toBe('Perjantai');
      }

      await finger.tapButton('Tallenna ja käynnistä');
      await page.getByText('Kysely käynnissä – näkyy nyt kioskissa').waitFor();
      await page.locator('.poll-card-active').filter({ hasText: 'Mikä päivä sopii retkelle?' }).waitFor();
      await shot(page, `${name}-saved`);
      await finger.tapButton('Lukitse nyt');
      await page.getByRole('heading', { name: 'Mikä päivä sopii retkelle?' }).waitFor();
      await shot(page, `${name}-live`);

      // Nothing is thrown away unasked, and what cannot be done yet says why.
      await finger.hold(page.locator('[data-staff-corner]'), 2300);
      await unlock(finger);
      await finger.tapButton('+ Uusi kysely');
      // The kiosk shows Finnish, Swedish and English: those are the languages offered for writing.
      await expect.poll(() => page.locator('[data-choice^="text-language:"]').allInnerTexts()).toHaveLength(3);
      await finger.tapButton('Kyllä tai ei');
      await finger.tapButton('Peruuta');
      await page.getByText('Muutoksia ei ole tallennettu. Heitetäänkö ne pois?').waitFor();
      await shot(page, `${name}-leave-question`);
      await finger.tapButton('Jatka muokkausta');
      expect(await page.locator('[data-screen="staff-editor"]').count()).toBe(1);
      await finger.tapButton('Peruuta');
      await finger.tapButton('Heitä pois');
      await finger.tapButton('Toiveet toiminnasta');
      await page.getByText('14 päivää').waitFor();
      expect(await page.getByText('336 tuntia').count()).toBe(0);
      await finger.tapButton('Peruuta');

      await finger.tapButton('Asetukset');
      await finger.tapButton('Kiitos-näytön kesto: Enemmän');
      await finger.tapButton('Takaisin');
      await page.getByText('Muutoksia ei ole tallennettu. Heitetäänkö ne pois?').waitFor();
      await finger.tapButton('Jatka muokkausta');
      await expectInSight(page, page.getByRole('button', { name: 'Tallenna asetukset' }), 'the settings save button');
      await finger.tapButton('Tallenna asetukset');
      await page.getByText('Asetukset tallennettu.').waitFor();
      await finger.tapButton('Takaisin');
      await page.locator('[data-screen="staff-home"]').waitFor();

      await finger.tapButton('Vie muistitikulle');
      const noStick = page.getByText('Muistitikkua ei löydy', { exact: false });
      await noStick.waitFor();
      const border = await noStick.evaluate((element) => getComputedStyle(element).borderTopColor);
      expect(border, 'a missing stick is a notice, not a green success').not.toBe('rgb(0, 105, 92)');
      const copy = page.getByRole('button', { name: 'Kopioi kyselyt tikulle' });
      expect(await copy.getAttribute('aria-disabled')).toBe('true');
      await finger.tap(copy);
      await page.getByText('Kiinnitä ensin muistitikku kioskiin', { exact: false }).first().waitFor();
      await shot(page, `${name}-no-stick`);
      process.stdout.write(
        `\nStaff walk (${name}): ${finger.taps} touches, ${finger.keys} keys, ${finger.screenCount} screens in a row, ${finger.humanSeconds().toFixed(0)} s at the stated pace\n`,
      );
      await context.close();
    },
    300_000,
  );
});
