import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTouchKiosk, screenshotDir, startKerro, type RunningKerro } from '../support/browser-shell';
import { storedResponses, touchTwice } from '../support/children-kit';
import { callApi, unlockOverHttp, updateSettings } from '../support/kerro-api';
import { expectAccessible, expectBigTargets, expectFitsScreen } from '../support/page-checks';
import { openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const languages = [
  { code: 'fi', button: 'Suomi', entry: 'Lapsille', question: 'Miten leikit täällä tänään?', thanks: 'Kiitos! Hienoa, että kerroit.' },
  { code: 'sv', button: 'Svenska', entry: 'För barn', question: 'Hur var det att leka här i dag?', thanks: 'Tack! Bra att du berättade.' },
  { code: 'en', button: 'English', entry: 'For children', question: 'How was playing here today?', thanks: 'Thank you! Great that you told us.' },
] as const;

/** Longer than the checks on the thank-you can take; the test's clock runs it out at once. */
const thanksSeconds = 60;
/** The pictures staff leave chosen in the gallery: the ready-made "what was best" less four, plus two. */
const picked = ['pic-sandbox', 'pic-swing', 'pic-drawing', 'pic-ball', 'pic-teddy', 'pic-friends'];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

function openKiosk(kerro: RunningKerro): Promise<Page> {
  return openTouchKiosk(browser, kerro.url);
}

async function checkChildScreen(page: Page, label: string): Promise<void> {
  await expectAccessible(page, label);
  await expectBigTargets(page, label, 96);
  await expectFitsScreen(page, label);
}

/** Opens the children's way until it shows the wanted poll: with several open, they take turns. */
async function openChildrenPoll(page: Page, pollId: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await page.locator('[data-action="children"]').tap();
    const screen = page.locator('[data-screen="children"]');
    await screen.waitFor();
    if ((await screen.getAttribute('data-poll')) === pollId) return;
    await page.locator('[data-action="home"]').tap();
    await page.locator('[data-screen="start"]').waitFor();
  }
  throw new Error(`The children's way never showed ${pollId}`);
}

describe('children answer on their own', () => {
  it('a new kiosk offers the children\'s way with a ready-made poll in fi, sv and en, answered by touch alone', async () => {
    const kerro = await startKerro(await makeTempDir());
    await updateSettings(kerro, { thanksSeconds });
    const shots = await screenshotDir();
    for (const language of languages) {
      const page = await openKiosk(kerro);
      // The page's clock is the test's, so the thank-you's return to the start is run without
      // waiting its seconds out (they are long here: axe alone can take 5 s on a loaded machine).
      await page.clock.install();
      await page.getByRole('button', { name: language.button }).tap();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language.code);
      const entry = page.getByRole('button', { name: language.entry });
      await entry.tap();
      await page.getByRole('heading', { name: language.question }).waitFor();
      await page.screenshot({ path: join(shots, `children-faces-${language.code}.png`) });
      await checkChildScreen(page, `children's faces ${language.code}`);

      await touchTwice(page, 'face-happy');
      await page.getByRole('heading', { name: language.thanks }).waitFor();
      await page.screenshot({ path: join(shots, `children-thanks-${language.code}.png`) });
      await checkChildScreen(page, `children's thanks ${language.code}`);
      expect(await page.locator('[data-screen="children-thanks"]').count()).toBe(1);
      // The thank-you goes back to the start on its own, as every screen does.
      await page.clock.fastForward(thanksSeconds * 1000);
      await page.locator('[data-screen="start"]').waitFor();
      await page.context().close();
    }
    const answers = await storedResponses(kerro.dataDir);
    expect(answers.map((answer) => [answer.pollId, answer.answer, answer.language, answer.audience])).toEqual(
      languages.map((language) => ['children-playing', { optionIds: ['face-happy'] }, language.code, 'child']),
    );
  });

  it('staff make children\'s polls from the ready-made ones and choose pictures in the gallery by touch; thumbs, weather and pictures are answered by touch alone', async () => {
    const kerro = await startKerro(await makeTempDir());
    const shots = await screenshotDir();
    const staff = await openStaffArea(browser, kerro.url);
    await staff.locator('[data-template="child-day"]').click();
    await staff.locator('[data-screen="staff-editor"]').waitFor();
    await staff.locator('[data-action="save-activate"]').click();
    await staff.locator('[data-screen="staff-home"]').waitFor();
    // Staff see at a glance which polls are the children's.
    await expect.poll(() => staff.locator('.poll-card .children-badge').count()).toBe(2);
    // A pick-pictures poll: the ready-made one's pictures changed by touch in the gallery.
    await staff.locator('[data-template="child-best"]').click();
    await staff.locator('[data-screen="staff-editor"]').waitFor();
    for (const picture of ['pic-books', 'pic-music', 'pic-snacks', 'pic-blocks', 'pic-teddy', 'pic-ball']) await staff.locator(`.gallery-button[data-picture="${picture}"]`).tap();
    const galleryPicks = () => staff.locator('.gallery-button[aria-pressed="true"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-picture')));
    // In the gallery's order, whatever order they were touched in.
    await expect.poll(galleryPicks).toEqual(picked);
    await staff.locator('.picture-gallery').screenshot({ path: join(shots, 'children-staff-gallery.png') });
    await staff.locator('[data-action="save-activate"]').click();
    await staff.locator('[data-screen="staff-home"]').waitFor();
    await expect.poll(() => staff.locator('.poll-card .children-badge').count()).toBe(3);
    await staff.locator('[data-poll="children-playing"] [data-action="results"]').click();
    await staff.locator('[data-screen="staff-results"] .children-badge').waitFor();
    await staff.screenshot({ path: join(shots, 'children-staff-results.png') });
    await staff.context().close();
    const token = await unlockOverHttp(kerro);
    const thumbs = await callApi(
      kerro,
      'polls.save',
      { pollId: null, draft: { kind: 'child-thumbs', question: { fi: 'Tykkäsitkö leluista?' }, options: [], comment: false, start: { type: 'now' }, end: { type: 'none' } } },
      token,
    );
    const thumbsId = typeof thumbs === 'object' && thumbs !== null && 'poll' in thumbs && typeof thumbs.poll === 'object' && thumbs.poll !== null && 'id' in thumbs.poll ? String(thumbs.poll.id) : '';
    await callApi(kerro, 'polls.setState', { pollId: thumbsId, state: 'active' }, token);
    const active = await callApi(kerro, 'polls.active', {});
    const weather = JSON.stringify(active).match(/"id":"([^"]+)","version":1,"kind":"child-weather"/)?.[1] ?? '';
    expect(weather).not.toBe('');
    const pictures = JSON.stringify(active).match(/"id":"([^"]+)","version":1,"kind":"child-pictures"/)?.[1] ?? '';
    expect(pictures).not.toBe('');

    const page = await openKiosk(kerro);
    await page.screenshot({ path: join(shots, 'children-start.png') });
    await openChildrenPoll(page, weather);
    await page.screenshot({ path: join(shots, 'children-weather-fi.png') });
    await checkChildScreen(page, "children's weather");
    await touchTwice(page, 'weather-sun');
    await page.locator('[data-screen="children-thanks"]').waitFor();
    await page.locator('[data-action="home"]').tap();
    await page.locator('[data-screen="start"]').waitFor();

    await openChildrenPoll(page, thumbsId);
    await page.locator('[data-option="thumb-up"]').tap();
    await page.screenshot({ path: join(shots, 'children-thumbs-fi.png') });
    await checkChildScreen(page, "children's thumbs, one picked");
    // Another picture touched first only moves the pick; nothing is stored until a second touch.
    await page.locator('[data-option="thumb-sideways"]').tap();
    await expect.poll(() => page.locator('[data-option="thumb-up"]').getAttribute('aria-pressed')).toBe('false');
    await page.locator('[data-option="thumb-sideways"]').tap();
    await page.locator('[data-screen="children-thanks"]').waitFor();
    await page.locator('[data-action="home"]').tap();
    await page.locator('[data-screen="start"]').waitFor();

    // The kiosk shows exactly the pictures the staff chose.
    await openChildrenPoll(page, pictures);
    expect(await page.locator('[data-option]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-option')))).toEqual(picked);
    await page.locator('[data-option="pic-teddy"]').tap();
    await page.locator('[data-action="done"]').tap();
    await page.locator('[data-screen="children-thanks"]').waitFor();
    await page.context().close();

    const answers = await storedResponses(kerro.dataDir);
    expect(answers.map((answer) => [answer.pollId, answer.answer, answer.audience])).toEqual([
      [weather, { optionIds: ['weather-sun'] }, 'child'],
      [thumbsId, { optionIds: ['thumb-sideways'] }, 'child'],
      [pictures, { optionIds: ['pic-teddy'] }, 'child'],
    ]);
  });
});
