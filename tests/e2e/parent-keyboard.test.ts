import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { provisionKerro, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { callApi, unlockOverHttp } from '../support/kerro-api';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { typeOnScreen } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const orientations = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

/**
 * Each parent writes in their own letters, switches to Latin for a Finnish word and back.
 * `ownKey` is a letter only the parent's layout has; `before`, `latin` and `after` are typed in turn.
 */
const parents = [
  {
    code: 'uk',
    button: 'Українська',
    question: 'Ви прийдете наступного тижня?',
    ownKey: 'ї',
    switchBack: 'АБВ',
    before: 'Дякуємо! Їжа була смачна, ґанок і подвірʼя гарні, є місце.',
    latin: ' Kiitos',
    after: ' ще раз',
  },
  {
    code: 'ru',
    button: 'Русский',
    question: 'Вы придёте на следующей неделе?',
    ownKey: 'ё',
    switchBack: 'АБВ',
    before: 'Спасибо! Ёлка в зале красивая, съешьте пирог, эх, щедро.',
    latin: ' Kiitos',
    after: ' ещё раз',
  },
  {
    code: 'ar',
    button: 'العربية',
    question: 'هل ستأتي الأسبوع القادم؟',
    ownKey: 'ض',
    switchBack: 'أ ب ت',
    before: 'شكرا! الموظفون لطفاء دائما، أتمنى مكتبة أكبر وإضافة آلة قهوة، مسؤولة ذكية؟',
    latin: ' Kemi',
    after: ' لا',
  },
] as const;

const browser = useBrowser();

/** A kiosk of its own, in every language, whose one quick poll asks this yes-or-no question and invites a comment. */
async function kioskWithPoll(question: Record<string, string>): Promise<{ kerro: RunningKerro; pollId: string; token: string }> {
  const dataDir = await makeTempDir();
  await provisionKerro(dataDir, 'Perheiden piha', 'fi,sv,en,ru,uk,ar');
  const kerro = await startKerro(dataDir);
  const token = await unlockOverHttp(kerro);
  const draft = { kind: 'yesno', question, options: [], comment: true, start: { type: 'now' }, end: { type: 'none' } };
  const saved = await callApi(kerro, 'polls.save', { pollId: null, draft }, token);
  if (typeof saved !== 'object' || saved === null || !('poll' in saved) || typeof saved.poll !== 'object' || saved.poll === null || !('id' in saved.poll))
    throw new Error('polls.save gave no poll');
  const pollId = String(saved.poll.id);
  await callApi(kerro, 'polls.setState', { pollId, state: 'active' }, token);
  return { kerro, pollId, token };
}

const key = (page: Page, name: string) => page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${name}"]`);

/** The keyboard lies wholly on the screen and no row pushes the page sideways. */
async function expectKeyboardOnScreen(page: Page, label: string): Promise<void> {
  const fit = await page.evaluate(() => {
    const keyboard = document.querySelector('.on-screen-keyboard')?.getBoundingClientRect();
    const root = document.documentElement;
    return {
      isInside: keyboard !== undefined && keyboard.left >= 0 && keyboard.right <= window.innerWidth + 1 && keyboard.bottom <= window.innerHeight + 1,
      sideways: root.scrollWidth - window.innerWidth,
    };
  });
  expect(fit, label).toEqual({ isInside: true, sideways: 0 });
}

describe('a parent types a comment in their own letters', () => {
  for (const parent of parents) {
    it(`${parent.button}: own layout first, Latin one key away and back; staff read the comment exactly`, async () => {
      const { kerro, pollId, token } = await kioskWithPoll({ fi: 'Tuletko ensi viikolla?', [parent.code]: parent.question });
      const shots = await screenshotDir();
      const expected = `${parent.before}${parent.latin}${parent.after}`;
      for (const orientation of orientations) {
        const label = `${parent.code} keyboard ${orientation.name}`;
        const context = await browser().newContext({ viewport: orientation, hasTouch: true });
        const page = await context.newPage();
        await page.goto(kerro.url);
        await page.getByRole('button', { name: parent.button, exact: true }).click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(parent.code);
        await page.locator(`[data-poll="${pollId}"] [data-option="yes"]`).click();
        await page.locator('[data-screen="comment"]').waitFor();
        await page.locator('textarea[name="comment"]').click();

        await key(page, parent.ownKey).waitFor();
        expect(await key(page, 'q').count(), 'no Latin letters before the switch').toBe(0);
        await typeOnScreen(page, parent.before);
        await page.screenshot({ path: join(shots, `${parent.code}-keyboard-${orientation.name}.png`) });
        await expectAccessible(page, label);
        await expectBigTargets(page, label);
        await expectKeyboardOnScreen(page, label);

        await key(page, '{letters}').click();
        expect(await key(page, parent.ownKey).count(), 'own letters gone after the switch').toBe(0);
        expect(await key(page, '{letters}').innerText()).toBe(parent.switchBack);
        await typeOnScreen(page, parent.latin);
        await page.screenshot({ path: join(shots, `${parent.code}-keyboard-latin-${orientation.name}.png`) });
        await expectBigTargets(page, `${label} latin`);
        await expectKeyboardOnScreen(page, `${label} latin`);
        await key(page, '{letters}').click();
        expect(await key(page, '{letters}').innerText()).toBe('ABC');
        await typeOnScreen(page, parent.after);

        expect(await page.locator('textarea[name="comment"]').inputValue()).toBe(expected);
        await page.locator('[data-action="send"]').click();
        await page.locator('[data-screen="thanks"]').waitFor();
        await context.close();
      }
      const results = await callApi(kerro, 'results.poll', { pollId, from: null, to: null }, token);
      expect(results).toMatchObject({ comments: [{ text: expected, language: parent.code }, { text: expected, language: parent.code }] });
    });
  }

  it('Arabic: the rows keep the PC keyboard order on the right-to-left page; shift holds ٠–٩ until pressed again', async () => {
    const { kerro, pollId, token } = await kioskWithPoll({ fi: 'Onko täällä tarpeeksi tilaa?', ar: 'هل هناك مساحة كافية هنا؟' });
    const context = await browser().newContext({ viewport: orientations[0], hasTouch: true });
    const page = await context.newPage();
    await page.goto(kerro.url);
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await page.locator(`[data-poll="${pollId}"] [data-option="no"]`).click();
    await page.locator('textarea[name="comment"]').click();
    const x = async (name: string) => (await key(page, name).boundingBox())?.x ?? Number.NaN;
    expect(await x('ض')).toBeLessThan(await x('د'));
    expect(await x('{shift}')).toBeLessThan(await x('ظ'));
    expect(await page.locator('textarea[name="comment"]').evaluate((field) => getComputedStyle(field).direction)).toBe('rtl');

    await typeOnScreen(page, 'غرفة');
    await key(page, '{shift}').click();
    await key(page, '٣').click();
    await key(page, '٠').click();
    await page.screenshot({ path: join(await screenshotDir(), 'ar-keyboard-signs-portrait.png') });
    await expectBigTargets(page, 'ar signs');
    await key(page, '{shift}').click();
    await typeOnScreen(page, ' م');
    expect(await page.locator('textarea[name="comment"]').inputValue()).toBe('غرفة٣٠ م');
    await page.locator('[data-action="send"]').click();
    await page.locator('[data-screen="thanks"]').waitFor();
    await context.close();
    const results = await callApi(kerro, 'results.poll', { pollId, from: null, to: null }, token);
    expect(results).toMatchObject({ comments: [{ text: 'غرفة٣٠ م', language: 'ar' }] });
  });

  it('Finnish: no switch key, since the Latin letters are already the own ones', async () => {
    const { kerro, pollId } = await kioskWithPoll({ fi: 'Tuletko huomenna?' });
    const context = await browser().newContext({ viewport: orientations[1], hasTouch: true });
    const page = await context.newPage();
    await page.goto(kerro.url);
    await page.locator(`[data-poll="${pollId}"] [data-option="yes"]`).click();
    await page.locator('textarea[name="comment"]').click();
    await key(page, 'ä').waitFor();
    expect(await key(page, '{letters}').count()).toBe(0);
    await context.close();
  });
});
