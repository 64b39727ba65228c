import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startKerro, type RunningKerro } from '../support/browser-shell';
import { storedResponses } from '../support/children-kit';
import { expectSpeechSince, heardSince, heardSoFar, openSpeakingKiosk, speechRequests } from '../support/speech-kit';
import { makeTempDir } from '../support/temp-dir';

const question = 'Miten leikit täällä tänään?';
const happy = 'Iloinen';
/** Half a second at the engine's 22 050 samples a second: more than a click, less than any word. */
const audible = 11_025;

let browser: Browser;
let kerro: RunningKerro;

beforeAll(async () => {
  browser = await launchChromium();
  kerro = await startKerro(await makeTempDir());
});

afterAll(async () => {
  await kerro.stop();
  await browser.close();
});

/** The children's way as a child meets it, listening to what the kiosk says at each step. */
async function childAnswersByEar(page: Page, minimumQuestion: number, minimumName: number): Promise<void> {
  const beforeEntry = await heardSoFar(page);
  await page.locator('[data-action="children"]').tap();
  await page.getByRole('heading', { name: question }).waitFor();
  await expectSpeechSince(page, beforeEntry, minimumQuestion);

  const picture = page.locator('[data-option="face-happy"]');
  const beforeTouch = await heardSoFar(page);
  await picture.tap();
  await expect.poll(() => picture.getAttribute('aria-pressed')).toBe('true');
  await expectSpeechSince(page, beforeTouch, minimumName);

  const beforeSpeaker = await heardSoFar(page);
  await page.locator('[data-action="speak"]').tap();
  await expectSpeechSince(page, beforeSpeaker, minimumQuestion);

  await picture.tap();
  await page.locator('[data-screen="children-thanks"]').waitFor();
  await page.locator('[data-action="home"]').tap();
  await page.locator('[data-screen="start"]').waitFor();
}

describe('read-aloud with no OS voice', () => {
  it('a stubbed engine gets the question on arrival, the picture\'s name on first touch and the question from the speaker', async () => {
    const page = await openSpeakingKiosk(browser, kerro.url, true);
    // Nothing of the engine is fetched before a visitor touches; a touch anywhere (here on the
    // question, which does nothing) starts it, so that words asked for next come at once.
    expect(speechRequests(page)).toEqual([]);
    await page.locator('.poll-question').first().tap();
    await expect.poll(() => speechRequests(page).map((path) => (path.startsWith('/assets/speech-worker-') ? 'worker' : path))).toEqual(expect.arrayContaining(['worker', '/speech/espeak-ng-fi-sv-en.wasm']));
    expect(await heardSoFar(page)).toBe(0);
    // The stand-in makes 100 samples a letter: exactly the question's and the name's length shows which words went out.
    await childAnswersByEar(page, 100 * question.length, 100 * happy.length);
    const beforeParents = await heardSoFar(page);
    await page.locator('[data-action="read-aloud"]').tap();
    await expect.poll(async () => (await heardSince(page, beforeParents)).samples).toBe(100 * 'Miten viihdyit täällä tänään?Tosi huonostiHuonostiIhan okHyvinTosi hyvin'.length);
    await page.context().close();
  });

  it('the bundled voice speaks in headless Chromium: children\'s screen and the parents\' read-aloud button', async () => {
    const page = await openSpeakingKiosk(browser, kerro.url, false);
    await childAnswersByEar(page, audible * 2, audible);
    await page.getByRole('button', { name: 'Svenska' }).tap();
    const beforeParents = await heardSoFar(page);
    await page.locator('[data-action="read-aloud"]').tap();
    await expectSpeechSince(page, beforeParents, audible * 3);
    await page.context().close();
    const answers = await storedResponses(kerro.dataDir);
    expect(answers.filter((answer) => answer.audience === 'child').map((answer) => answer.answer)).toEqual([{ optionIds: ['face-happy'] }, { optionIds: ['face-happy'] }]);
  });
});
