import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { health, openTouchKiosk, provisionKerro, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { updateSettings } from '../support/kerro-api';
import { expectAccessible, expectBigTargets, expectFitsScreen } from '../support/page-checks';
import { makeTempDir } from '../support/temp-dir';

const languages = [
  { code: 'fi', button: 'Suomi', contrast: 'Vahva kontrasti', largeText: 'Isompi teksti', thanks: 'Kiitos!' },
  { code: 'sv', button: 'Svenska', contrast: 'Hög kontrast', largeText: 'Större text', thanks: 'Tack!' },
  { code: 'en', button: 'English', contrast: 'High contrast', largeText: 'Larger text', thanks: 'Thank you!' },
  { code: 'fi-selko', button: 'Selkosuomi', contrast: 'Selvä väri', largeText: 'Iso teksti', thanks: 'Kiitos!' },
  { code: 'ru', button: 'Русский', contrast: 'Высокий контраст', largeText: 'Крупный текст', thanks: 'Спасибо!' },
  { code: 'uk', button: 'Українська', contrast: 'Високий контраст', largeText: 'Великий текст', thanks: 'Дякуємо!' },
  { code: 'ar', button: 'العربية', contrast: 'تباين عالٍ', largeText: 'نص أكبر', thanks: 'شكرًا!' },
] as const;

const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };

const browser = useBrowser();
let kerro: RunningKerro;

beforeAll(async () => {
  const dataDir = await makeTempDir();
  await provisionKerro(dataDir, 'Perheiden piha', languages.map((language) => language.code).join(','));
  kerro = await startKerro(dataDir);
  // The checks on the thank-you screen can outlast its usual few seconds on a busy machine.
  await updateSettings(kerro, { thanksSeconds: 60 });
});

afterAll(async () => {
  await kerro.stop();
});

function openKiosk(viewport: { width: number; height: number }, initScript?: () => void): Promise<Page> {
  return openTouchKiosk(browser(), kerro.url, viewport, initScript);
}

async function checkScreen(page: Page, label: string, shot: string): Promise<void> {
  await page.screenshot({ path: join(await screenshotDir(), `${shot}.png`) });
  await expectAccessible(page, label);
  await expectBigTargets(page, label);
  await expectFitsScreen(page, label);
}

describe('every parent screen in every language and both themes', () => {
  for (const language of languages) {
    it(`${language.button}: axe-clean, big targets, fits, in the default and the high-contrast theme`, async () => {
      const page = await openKiosk(portrait);
      await page.getByRole('button', { name: language.button, exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language.code);
      for (const theme of ['default', 'contrast'] as const) {
        const contrast = page.getByRole('button', { name: language.contrast });
        if (theme === 'contrast') await contrast.click();
        expect(await contrast.getAttribute('aria-pressed')).toBe(String(theme === 'contrast'));
        expect(await page.locator('html').getAttribute('data-high-contrast')).toBe(theme === 'contrast' ? '' : null);
        const name = (screen: string) => `${language.code}-${theme}-${screen}`;
        await checkScreen(page, name('start'), name('start'));
        await page.locator('[data-option="good"]').click();
        await page.locator('[data-screen="follow-up"]').waitFor();
        await checkScreen(page, name('follow-up'), name('follow-up'));
        await page.locator('[data-topic="staff"]').click();
        await page.locator('.primary-button').click();
        await page.locator('[data-screen="thanks"]').waitFor();
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(language.thanks);
        await checkScreen(page, name('thanks'), name('thanks'));
        await page.locator('.thanks-screen .secondary-button').click();
        await page.locator('[data-screen="start"]').waitFor();
      }
      await page.context().close();
    });
  }

  it('larger text still fits every screen, upright and sideways, in both themes', async () => {
    for (const [orientation, viewport] of [['portrait', portrait], ['landscape', landscape]] as const) {
      const page = await openKiosk(viewport);
      const before = await page.locator('.poll-question').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      const largeText = page.getByRole('button', { name: 'Isompi teksti' });
      await largeText.click();
      expect(await largeText.getAttribute('aria-pressed')).toBe('true');
      const after = await page.locator('.poll-question').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(after).toBeGreaterThan(before * 1.15);
      await page.getByRole('button', { name: 'Vahva kontrasti' }).click();
      await checkScreen(page, `large text start ${orientation}`, `fi-large-contrast-start-${orientation}`);
      await page.locator('[data-option="okay"]').click();
      await page.locator('[data-screen="follow-up"]').waitFor();
      await checkScreen(page, `large text follow-up ${orientation}`, `fi-large-contrast-follow-up-${orientation}`);
      await page.context().close();
    }
  });
});

describe('the display toggles', () => {
  it('go back to the default look when the kiosk returns to the start on its own', async () => {
    const context = await browser().newContext({ viewport: landscape });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.locator('[data-screen="start"]').waitFor();
    await page.getByRole('button', { name: 'Vahva kontrasti' }).click();
    await page.getByRole('button', { name: 'Isompi teksti' }).click();
    expect(await page.locator('html[data-high-contrast][data-large-text]').count()).toBe(1);
    await page.clock.runFor(31_000);
    await expect.poll(() => page.locator('html[data-high-contrast]').count()).toBe(0);
    expect(await page.locator('html[data-large-text]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vahva kontrasti' }).getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('honour a wish for reduced motion: a pressed face does not move', async () => {
    const context = await browser().newContext({ viewport: portrait, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(kerro.url);
    const duration = await page.locator('[data-option="good"]').evaluate((element) => getComputedStyle(element).transitionDuration);
    expect(duration).toBe('0s');
    await context.close();
  });
});

/** Headless Chromium has no voices: a fake engine with Finnish and English voices records what is spoken. */
function fakeSpeech(): void {
  const spoken: { text: string; lang: string; voice: string }[] = [];
  const voices = [
    { name: 'Suomi', lang: 'fi-FI', localService: true, default: true, voiceURI: 'fi' },
    { name: 'English', lang: 'en_GB', localService: true, default: false, voiceURI: 'en' },
  ];
  const engine = {
    getVoices: () => voices,
    speak: (utterance: { text: string; lang: string; voice: { name: string } | null }) =>
      spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? '' }),
    cancel: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  class FakeUtterance {
    text: string;
    lang = '';
    voice: { name: string } | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  Object.defineProperty(window, 'spokenPieces', { value: spoken });
}

async function spoken(page: Page): Promise<unknown> {
  return page.evaluate(() => Reflect.get(window, 'spokenPieces'));
}

describe('read-aloud', () => {
  it('reads the question and the faces in the chosen language, with that language’s voice', async () => {
    const page = await openKiosk(portrait, fakeSpeech);
    await page.getByRole('button', { name: 'Kuuntele' }).click();
    expect(await spoken(page)).toEqual(
      ['Miten viihdyit täällä tänään?', 'Tosi huonosti', 'Huonosti', 'Ihan ok', 'Hyvin', 'Tosi hyvin'].map((text) => ({ text, lang: 'fi-FI', voice: 'Suomi' })),
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Listen' }).click();
    expect((await spoken(page)) as unknown[]).toHaveLength(12);
    expect(((await spoken(page)) as unknown[]).slice(6)).toEqual(
      ['How did you like it here today?', 'Very bad', 'Bad', 'Okay', 'Good', 'Very good'].map((text) => ({ text, lang: 'en_GB', voice: 'English' })),
    );
    await page.context().close();
  });

  it('is there in fi, sv and en with no OS voice (the bundled voice reads), and hidden for a language no voice speaks', async () => {
    const page = await openKiosk(portrait, fakeSpeech);
    expect(await page.locator('[data-action="read-aloud"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Hur trivdes du här i dag?' }).waitFor();
    expect(await page.locator('[data-action="read-aloud"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.locator('html[lang="ru"]').waitFor();
    expect(await page.locator('[data-action="read-aloud"]').count()).toBe(0);
    await page.context().close();

    const silent = await openKiosk(portrait);
    expect(await silent.locator('[data-action="read-aloud"]').count()).toBe(1);
    await silent.context().close();
  });
});

describe('the keyboard alone', () => {
  it('goes from the start through the follow-up to the thank-you with Tab and Enter', async () => {
    const page = await openKiosk(landscape);
    const before = (await health(kerro)).answersStored;
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const order: string[] = [];
    for (let step = 0; step < 16; step += 1) {
      await page.keyboard.press('Tab');
      order.push(await focusedName());
    }
    // Read-aloud comes first: the bundled voice speaks Finnish even on a kiosk with no OS voice.
    expect(order).toEqual(['Kuuntele', 'Tosi huonosti', 'Huonosti', 'Ihan ok', 'Hyvin', 'Tosi hyvin', 'Lapsille', ...languages.map((language) => language.button), 'Vahva kontrasti', 'Isompi teksti']);
    for (let step = 0; step < 12; step += 1) await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe('Ihan ok');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="follow-up"]').waitFor();
    expect((await health(kerro)).answersStored).toBe(before + 1);
    // Focus lands on the new screen's heading, not on the page's top, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-topic') ?? null)).toBe('premises');

    const topic = page.locator('[data-topic="hours"]');
    while ((await page.evaluate(() => document.activeElement?.getAttribute('data-topic') ?? null)) !== 'hours') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await topic.getAttribute('aria-pressed')).toBe('true');
    while ((await focusedName()) !== 'Valmis') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="thanks"]').waitFor();
    expect(await focusedName()).toBe('Kiitos!');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Alkuun');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="start"]').waitFor();
    await page.context().close();
  });
});

describe('right to left', () => {
  it('Arabic mirrors the start screen: faces and languages flow from the right, pictures stay beside their words', async () => {
    for (const [orientation, viewport] of [['landscape', landscape], ['portrait', portrait]] as const) {
      const page = await openKiosk(viewport);
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.getByRole('heading', { name: 'كيف كان وقتك هنا اليوم؟' }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      const x = async (selector: string) => (await page.locator(selector).boundingBox())?.x ?? Number.NaN;
      const languageButtons = page.locator('.language-button');
      const first = (await languageButtons.first().boundingBox())?.x ?? Number.NaN;
      const last = (await languageButtons.last().boundingBox())?.x ?? Number.NaN;
      expect(first).toBeGreaterThan(last);
      if (orientation === 'landscape') {
        expect(await x('[data-option="very-bad"]')).toBeGreaterThan(await x('[data-option="very-good"]'));
      } else {
        expect(await x('[data-option="good"] .face-icon')).toBeGreaterThan(await x('[data-option="good"] .face-label'));
      }
      await page.screenshot({ path: join(await screenshotDir(), `ar-rtl-start-${orientation}.png`) });
      await page.context().close();
    }
  });
});
